package dev.ingate.e2e;

import dev.ingate.testkit.TcpRelay;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

/**
 * A network partition between Ingate and PostgreSQL: connections stay open but no byte passes (TcpRelay FREEZE).
 * The record writer must still give up on the database and journal, within its statement timeout, /health must
 * say the database is down, and every record must arrive once the network heals.
 */
class DatabasePartitionTest {

    private static final int BEFORE = 4;
    private static final int DURING = 6;

    /**
     * Fails today, twice over. BatchInsert's 30 s query timeout reaches a frozen connection only as a cancel request
     * over a new connection, which the partition swallows too: with no client-side read timeout the INSERT waits as
     * long as the partition lasts, and nothing is journaled. And the /health check shares its thread with the change
     * poll, whose query hangs the same way: /health keeps answering 200. Allowed: the writer's timeout plus margin.
     */
    @Test
    void atDefaultSettingsAPartitionIsJournaledWithinTheWritersTimeout() {
        partitionThenHeal("", Duration.ofSeconds(45));
    }

    /** pgjdbc's socketTimeout in the URL: what an operator can set today to bound a partition. */
    @Test
    void withASocketTimeoutInTheUrlAPartitionIsJournaledWithinSeconds() {
        partitionThenHeal("socketTimeout=3", Duration.ofSeconds(15));
    }

    private static void partitionThenHeal(String jdbcParams, Duration journaledWithin) {
        try (OutageScenario scenario = new OutageScenario(jdbcParams)) {
            scenario.sendChats("before", BEFORE);
            scenario.admin().awaitRecords(BEFORE, Duration.ofSeconds(10));

            scenario.relay().cut(TcpRelay.Outage.FREEZE);
            List<String> during = scenario.sendChatsPromptly("during", DURING);
            scenario.awaitJournaled(during, journaledWithin);
            scenario.awaitHealth(503, Duration.ofSeconds(15));

            scenario.relay().restore();
            scenario.awaitHealth(200, Duration.ofSeconds(15));
            scenario.awaitEveryRecordOnce(Duration.ofSeconds(30));
            scenario.assertUsage("before", BEFORE);
            scenario.assertUsage("during", DURING);
        }
    }
}
