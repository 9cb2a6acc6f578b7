package dev.ingate.observe.record;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.fail;

/** Varied test records (some without key, user, session, usage or price) and the sums they should roll up to. */
final class Records {

    static final Instant BASE = Instant.parse("2026-11-20T22:00:00Z");
    private static final String[] PROVIDERS = {"openai", "anthropic", "groq"};
    private static final String[] MODELS = {"gpt-4o", "claude-sonnet", "llama-3", "gpt-4o-mini"};
    private static final int[] STATUSES = {200, 200, 200, 429, 500};

    private Records() {
    }

    /** Record {@code i} of a run tagged {@code run}; every 5 s of record time apart, so a few thousand span days. */
    static RequestRecord record(long run, int i) {
        return record(run, i, BASE.plusSeconds(5L * i));
    }

    static RequestRecord record(long run, int i, Instant at) {
        boolean usage = i % 10 != 9;
        return new RequestRecord(
                new UUID(run, i).toString(), at,
                i % 7 == 0 ? null : "key-" + i % 5, i % 7 == 0 ? null : "name-" + i % 5,
                PROVIDERS[i % PROVIDERS.length], PROVIDERS[(i + 1) % PROVIDERS.length],
                MODELS[i % MODELS.length], MODELS[i % MODELS.length] + "-2026",
                "/v1/chat/completions", STATUSES[i % STATUSES.length], 1 + i % 3, 100 + i % 900,
                i % 2 == 0 ? null : (long) (20 + i % 50), 0.125 + (i % 8) / 1000.0,
                usage ? (long) (100 + i % 50) : null, usage ? (long) (10 + i % 30) : null, usage ? (long) (i % 40) : null,
                i % 6 == 0 ? null : BigDecimal.valueOf(i % 97 + 1, 6),
                i % 4 == 0 ? null : "s-" + i % 10, i % 3 == 0 ? null : "user-" + i % 4,
                i % 11 == 0 ? "hit" : null, STATUSES[i % STATUSES.length] >= 400 ? "upstream said no" : null);
    }

    /** {@code r} with a request and a response body that name it, so a mix-up between rows shows. */
    static RequestRecord withBodies(RequestRecord r) {
        return withBodies(r, new RequestBodies(
                new CapturedBody("{\"model\":\"" + r.model() + "\",\"id\":\"" + r.id() + "\"}", null, false),
                new CapturedBody("data: {\"answer for\":\"" + r.id() + "\"}\n\n", null, true)));
    }

    static RequestRecord withBodies(RequestRecord r, RequestBodies bodies) {
        return new RequestRecord(r.id(), r.createdAt(), r.keyId(), r.keyName(), r.provider(), r.servedBy(), r.model(),
                r.servedModel(), r.path(), r.status(), r.attempts(), r.latencyMs(), r.ttftMs(), r.overheadMs(),
                r.inputTokens(), r.outputTokens(), r.cachedInputTokens(), r.costUsd(), r.sessionId(), r.user(), r.cache(),
                r.error(), bodies);
    }

    static List<RequestRecord> run(long run, int from, int count) {
        List<RequestRecord> records = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            records.add(record(run, i));
        }
        return records;
    }

    /** The usage rows {@code records} sum to, by {@link #groupKey}. */
    static Map<String, RequestLog.UsageRow> usage(List<RequestRecord> records, RequestLog.GroupBy groupBy) {
        Map<String, long[]> sums = new TreeMap<>();
        Map<String, String> groups = new TreeMap<>();
        for (RequestRecord r : records) {
            String group = switch (groupBy) {
                case PROVIDER -> r.provider();
                case MODEL -> r.model();
                case KEY -> r.keyId();
                case USER -> r.user();
                case SESSION -> r.sessionId();
                case DAY -> UsageRollup.DAY.format(r.createdAt());
            };
            groups.put(groupKey(group), group);
            long[] s = sums.computeIfAbsent(groupKey(group), k -> new long[5]);
            s[0]++;
            s[1] += r.inputTokens() == null ? 0 : r.inputTokens();
            s[2] += r.outputTokens() == null ? 0 : r.outputTokens();
            s[3] += r.cachedInputTokens() == null ? 0 : r.cachedInputTokens();
            s[4] += r.costUsd() == null ? 0 : RequestRows.costNanos(r.costUsd());
        }
        Map<String, RequestLog.UsageRow> rows = new TreeMap<>();
        sums.forEach((key, s) -> rows.put(key, new RequestLog.UsageRow(groups.get(key), s[0], s[1], s[2], s[3], RequestRows.usd(s[4]))));
        return rows;
    }

    /** A TreeMap key for a group that may be null. */
    static String groupKey(String group) {
        return group == null ? "\u0000none" : group;
    }

    /** Polls {@code condition} until it holds; fails with {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }
}
