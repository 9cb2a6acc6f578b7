package dev.ingate.observe.record;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import dev.ingate.store.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class JdbcRequestLogTest extends RecordTestBase {

    private static final Comparator<RequestRecord> NEWEST_FIRST =
            Comparator.comparing(RequestRecord::createdAt).thenComparing(RequestRecord::id).reversed();

    /** 750 records, three to a millisecond (ties the cursor must break by id), 20 minutes apart: 5 UTC days. */
    private final List<RequestRecord> records = new ArrayList<>();
    private JdbcRequestLog log;

    @BeforeEach
    void store() throws SQLException {
        records.clear();
        for (int i = 0; i < 750; i++) {
            records.add(Records.record(20, i, Records.BASE.plus(Duration.ofMinutes(20L * (i / 3)))));
        }
        new BatchInsert(database.dataSource(), database.dialect()).write(records);
        log = new JdbcRequestLog(database);
    }

    @Test
    void getReturnsTheRecordAsSubmitted() {
        RequestRecord original = records.get(7);
        RequestRecord stored = log.get(original.id()).orElseThrow();
        assertThat(stored).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .ignoringFields("overheadMs").isEqualTo(original);
        assertThat(stored.overheadMs()).isCloseTo(original.overheadMs(), within(0.001));
        assertThat(log.get("no-such-id")).isEmpty();
        assertThat(log.get(null)).isEmpty();
    }

    @Test
    void pagesNewestFirstWithoutGapsOrDuplicates() {
        assertThat(allPages(filter(null, null, null, null, null, null, null, null), 7))
                .isEqualTo(expected(r -> true));
    }

    @Test
    void everyFilterAloneAndCombined() {
        Instant since = Records.BASE.plus(Duration.ofHours(10));
        Instant until = Records.BASE.plus(Duration.ofHours(30));
        check(filter("openai", null, null, null, null, null, null, null), r -> r.provider().equals("openai"));
        check(filter(null, "llama-3", null, null, null, null, null, null), r -> r.model().equals("llama-3"));
        check(filter(null, null, 429, null, null, null, null, null), r -> r.status() == 429);
        check(filter(null, null, null, "key-2", null, null, null, null), r -> "key-2".equals(r.keyId()));
        check(filter(null, null, null, null, "s-3", null, null, null), r -> "s-3".equals(r.sessionId()));
        check(filter(null, null, null, null, null, "user-1", null, null), r -> "user-1".equals(r.user()));
        check(filter(null, null, null, null, null, null, since, until),
                r -> !r.createdAt().isBefore(since) && r.createdAt().isBefore(until));
        check(filter("groq", null, 200, null, null, "user-2", since, null),
                r -> r.provider().equals("groq") && r.status() == 200 && "user-2".equals(r.user()) && !r.createdAt().isBefore(since));
        check(filter("", "", null, "", "", "", null, null), r -> true);   // an empty query value means "any"
        check(filter("nobody", null, null, null, null, null, null, null), r -> false);
    }

    /** V4 keeps rows without a session or user out of those indexes; the filters must still be index range scans. */
    @Test
    void sessionAndUserFiltersUseTheirPartialIndexes() throws SQLException {
        boolean postgres = database.dialect() == Dialect.POSTGRES;
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            if (postgres) {
                s.execute("SET enable_seqscan = off");   // 750 rows: the planner would rather scan them than prove anything
            }
            for (String[] filter : new String[][] {{"session_id", "requests_session"}, {"end_user", "requests_user"}}) {
                String sql = (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + "SELECT id FROM requests WHERE " + filter[0]
                        + " = ? ORDER BY created_at DESC, id DESC LIMIT ?";
                StringBuilder plan = new StringBuilder();
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, "x");
                    ps.setInt(2, 10);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            plan.append(rs.getString(postgres ? 1 : 4)).append('\n');
                        }
                    }
                }
                assertThat(plan.toString()).as(sql).contains(filter[1]);
            }
            if (postgres) {
                s.execute("RESET enable_seqscan");
            }
        }
    }

    @Test
    void limitIsClampedAndTheCursorChecked() {
        RequestLog.Filter any = filter(null, null, null, null, null, null, null, null);
        assertThat(log.list(any, 0, null).records()).hasSize(JdbcRequestLog.DEFAULT_LIMIT);
        RequestLog.Page all = log.list(any, 5_000, null);
        assertThat(all.records()).hasSize(records.size());
        assertThat(all.nextCursor()).isNull();
        assertThat(log.list(any, records.size(), null).nextCursor()).isNull();
        assertThat(log.list(any, records.size() - 1, null).nextCursor()).isNotNull();
        assertThatThrownBy(() -> log.list(any, 10, "not a cursor")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.list(any, 10, "bm9jb2xvbg")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usageByEveryDimensionAndWindow() {
        for (RequestLog.GroupBy groupBy : RequestLog.GroupBy.values()) {
            assertThat(usage(groupBy, null, null)).as("%s", groupBy).isEqualTo(Records.usage(records, groupBy));
        }
        assertThat(usage(RequestLog.GroupBy.DAY, null, null)).containsOnlyKeys("2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24");
        assertThat(usage(RequestLog.GroupBy.KEY, null, null)).containsKey(Records.groupKey(null));   // no key: group null

        // a day counts whole when the window touches it; until is exclusive, so midnight ends the day before
        Instant since = Instant.parse("2026-11-21T10:00:00Z");
        Instant midnight = Instant.parse("2026-11-23T00:00:00Z");
        List<RequestRecord> days21to22 = records.stream().filter(r -> day(r).equals("2026-11-21") || day(r).equals("2026-11-22")).toList();
        for (RequestLog.GroupBy groupBy : RequestLog.GroupBy.values()) {
            assertThat(usage(groupBy, since, midnight)).as("%s", groupBy).isEqualTo(Records.usage(days21to22, groupBy));
        }
        assertThat(usage(RequestLog.GroupBy.DAY, since, midnight.plusMillis(1))).containsOnlyKeys("2026-11-21", "2026-11-22", "2026-11-23");
        assertThat(usage(RequestLog.GroupBy.DAY, midnight, null)).containsOnlyKeys("2026-11-23", "2026-11-24");
        assertThat(usage(RequestLog.GroupBy.DAY, null, since)).containsOnlyKeys("2026-11-20", "2026-11-21");
        assertThat(usage(RequestLog.GroupBy.MODEL, midnight, midnight)).isEmpty();
    }

    private void check(RequestLog.Filter filter, Predicate<RequestRecord> matches) {
        assertThat(allPages(filter, 13)).as("%s", filter).isEqualTo(expected(matches));
    }

    /** Every page's ids in order, checking that each page but the last is full and none repeats an id. */
    private List<String> allPages(RequestLog.Filter filter, int limit) {
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            RequestLog.Page page = log.list(filter, limit, cursor);
            if (page.nextCursor() != null) {
                assertThat(page.records()).hasSize(limit);
            }
            for (RequestRecord r : page.records()) {
                assertThat(seen.add(r.id())).as("duplicate %s", r.id()).isTrue();
                ids.add(r.id());
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }

    private List<String> expected(Predicate<RequestRecord> matches) {
        return records.stream().filter(matches).sorted(NEWEST_FIRST).map(RequestRecord::id).toList();
    }

    private Map<String, RequestLog.UsageRow> usage(RequestLog.GroupBy groupBy, Instant since, Instant until) {
        Map<String, RequestLog.UsageRow> rows = new TreeMap<>();
        List<RequestLog.UsageRow> list = log.usage(groupBy, since, until);
        list.forEach(row -> rows.put(Records.groupKey(row.group()), row));
        assertThat(list.stream().map(RequestLog.UsageRow::group).filter(Objects::nonNull).toList()).isSorted();
        return rows;
    }

    private static String day(RequestRecord r) {
        return UsageRollup.DAY.format(r.createdAt());
    }

    private static RequestLog.Filter filter(String provider, String model, Integer status, String keyId, String sessionId,
                                            String user, Instant since, Instant until) {
        return new RequestLog.Filter(provider, model, status, keyId, sessionId, user, since, until);
    }
}
