package dev.ingate.e2e;

import dev.ingate.testkit.TcpRelay;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;

/**
 * Issue 4's journal, end to end: Ingate on PostgreSQL through a relay; the database goes away under it (refusing
 * connections, or accepting them and never answering), requests keep coming and are answered at once, their
 * records wait in the journal, /health says the database is down, and once it is back every record arrives
 * exactly once and the usage adds up to what the mock reported.
 */
class DatabaseOutageTest {

    private static final int BEFORE = 6;
    private static final int DURING = 8;

    @ParameterizedTest
    @EnumSource(value = TcpRelay.Outage.class, names = {"REFUSE", "BLACKHOLE"})
    void recordsMadeDuringAnOutageWaitInTheJournalAndAllArrive(TcpRelay.Outage outage) {
        try (OutageScenario scenario = new OutageScenario("")) {
            scenario.sendChats("before", BEFORE);
            scenario.admin().awaitRecords(BEFORE, Duration.ofSeconds(10));
            scenario.awaitHealth(200, Duration.ofSeconds(1));

            scenario.relay().cut(outage);
            List<String> during = scenario.sendChatsPromptly("during", DURING);
            // a write attempt fails after Hikari's 5 s connection timeout; the health check needs as long
            scenario.awaitJournaled(during, Duration.ofSeconds(15));
            scenario.awaitHealth(503, Duration.ofSeconds(20));

            scenario.relay().restore();
            scenario.awaitHealth(200, Duration.ofSeconds(15));
            scenario.awaitEveryRecordOnce(Duration.ofSeconds(30));
            scenario.assertUsage("before", BEFORE);
            scenario.assertUsage("during", DURING);
        }
    }
}
