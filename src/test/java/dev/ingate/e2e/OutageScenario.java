package dev.ingate.e2e;

import dev.ingate.testkit.Poll;
import dev.ingate.testkit.CannedUsage;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import dev.ingate.testkit.TcpRelay;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Ingate on PostgreSQL through a {@link TcpRelay}, and the steps of an outage test: traffic that must be
 * answered promptly whatever the database does, the journal filling, /health turning, and every record arriving
 * once the database is back.
 */
final class OutageScenario implements AutoCloseable {

    private static final String ADMIN_TOKEN = "e2e-outage-admin";
    /**
     * The mock answers at once; a request that waited for the database would take Hikari's 5 s connection timeout at
     * least. Checked during outages only: the first requests of a fresh JVM are slow for reasons of their own.
     */
    private static final Duration ANSWERED_PROMPTLY = Duration.ofSeconds(3);

    private final MockProvider openai;
    private final RelayedPostgres database;
    private final IngateUnderTest ingate;
    private final AdminClient admin;
    private final JournalDir journal;
    private final List<String> sent = new ArrayList<>();

    /** @param jdbcParams extra parameters on Ingate's JDBC URL, or "" for its defaults */
    OutageScenario(String jdbcParams) {
        openai = MockProvider.openai();
        database = RelayedPostgres.open("e2e_outage_", jdbcParams);
        ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                providers:
                  openai: { base_url: "%s" }
                """.formatted(openai.baseUrl())), Map.of("INGATE_ADMIN_TOKEN", ADMIN_TOKEN, "INGATE_DATABASE_URL", database.url()), null);
        admin = new AdminClient(ingate, ADMIN_TOKEN);
        journal = new JournalDir(ingate.dataDir());
    }

    TcpRelay relay() {
        return database.relay();
    }

    AdminClient admin() {
        return admin;
    }

    /** Sends {@code count} chats in {@code session}, every other one streamed; each must be answered 200. */
    List<String> sendChats(String session, int count) {
        return sendChats(session, count, null);
    }

    /** As {@link #sendChats(String, int)}, each answered promptly: the request path never waits on the database. */
    List<String> sendChatsPromptly(String session, int count) {
        return sendChats(session, count, ANSWERED_PROMPTLY);
    }

    private List<String> sendChats(String session, int count, Duration within) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Call call = Call.openAiChat("gpt-4o").key("test", IngateUnderTest.KEY).session(session);
            if (i % 2 == 1) {
                call.streamed();
            }
            long start = System.nanoTime();
            Expected answered = call.send(ingate).expect(200, CannedUsage.OPENAI_CHAT, true);
            if (within != null) {
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("request %d of session %s", i, session).isLessThan(within);
            }
            ids.add(answered.id());
        }
        sent.addAll(ids);
        return ids;
    }

    /** The journal files hold every one of {@code ids}, and the writer's metrics say it spilled and failed. */
    void awaitJournaled(List<String> ids, Duration timeout) {
        Poll.until("the outage's records journaled in " + journal, timeout, journal::recordIds, found -> found.containsAll(ids));
        assertThat(writerMetric("spilled")).isGreaterThanOrEqualTo(ids.size());
        assertThat(writerMetric("write_failures")).isPositive();
    }

    /** One of the record writer's counters in /metrics: written, spilled, replayed, lost, write_failures. */
    double writerMetric(String name) {
        return PrometheusText.samples(admin.metrics(), "ingate_records_" + name + "_total").getOrDefault(Map.of(), 0.0);
    }

    void awaitHealth(int status, Duration timeout) {
        Poll.until("/health answering " + status, timeout, admin::healthStatus, s -> s == status);
    }

    /** Every request sent is stored exactly once, and the journal is replayed and gone. */
    void awaitEveryRecordOnce(Duration timeout) {
        List<JsonNode> records = admin.awaitRecords(sent.size(), timeout);
        List<String> ids = records.stream().map(r -> r.get("id").asString()).toList();
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sent);
        Poll.until("the journal replayed and removed", Duration.ofSeconds(10), journal::files, List::isEmpty);
        // each record inserted once, from the queue or from the journal
        assertThat(writerMetric("written") + writerMetric("replayed")).isEqualTo(sent.size());
        assertThat(writerMetric("lost")).isZero();
    }

    /** The session's usage row counts its requests with the tokens the mock reported for each. */
    void assertUsage(String session, int requests) {
        JsonNode row = admin.usage("session").get(session);
        assertThat(row).as("usage of session " + session).isNotNull();
        assertThat(row.get("requests").asLong()).isEqualTo(requests);
        assertThat(row.get("input_tokens").asLong()).isEqualTo(requests * CannedUsage.OPENAI_CHAT.input());
        assertThat(row.get("output_tokens").asLong()).isEqualTo(requests * CannedUsage.OPENAI_CHAT.output());
        Set<String> sessions = admin.records(Map.of("session", session)).stream().map(r -> r.get("session_id").asString())
                .collect(Collectors.toSet());
        assertThat(sessions).containsExactly(session);
    }

    @Override
    public void close() {
        try {
            relay().restore();   // lets Ingate's close drain into the database
        } catch (IllegalStateException | java.io.UncheckedIOException notCut) {
            // already restored
        }
        ingate.close();
        database.close();
        openai.close();
    }
}
