package dev.ingate.observe.record;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Old requests and bodies are deleted by age, in chunks; the rollups keep their history. */
class RetentionPrunerTest extends RecordTestBase {

    private static final Instant NOW = Instant.parse("2026-12-31T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** One record with bodies per day for the last {@code days} days (day 0 is an hour ago). */
    private List<RequestRecord> daily(long run, int days) throws SQLException {
        List<RequestRecord> records = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            records.add(Records.withBodies(Records.record(run, day, NOW.minus(Duration.ofDays(day)).minusSeconds(3600))));
        }
        new BatchInsert(database.dataSource(), database.dialect()).write(records);
        return records;
    }

    private RetentionPruner pruner(Optional<Duration> retention, Duration bodyRetention, int chunkRows) {
        return new RetentionPruner(database.dataSource(), database.dialect(), new RetentionPruner.Settings(retention, bodyRetention,
                Duration.ofHours(1), Duration.ofHours(1), chunkRows, Duration.ZERO, CLOCK));
    }

    @Test
    void deletesRequestsAndBodiesPastTheirRetentionInChunks() throws Exception {
        List<RequestRecord> records = daily(80, 40);
        long rollupsBefore = count("usage_rollups");
        RetentionPruner.Pruned pruned = pruner(Optional.of(Duration.ofDays(30)), Duration.ofDays(7), 3).pruneNow();
        // day 0 to 6 keep their bodies (day 7 is 7 days and an hour old); days 30 to 39 go entirely
        assertThat(pruned).isEqualTo(new RetentionPruner.Pruned(10, 33));
        assertThat(rowCount()).isEqualTo(30);
        assertThat(count("request_bodies")).isEqualTo(7);
        JdbcRequestLog log = new JdbcRequestLog(database);
        assertThat(log.get(records.get(29).id())).isPresent();
        assertThat(log.get(records.get(30).id())).isEmpty();
        assertThat(log.bodies(records.get(6).id())).isPresent();
        assertThat(log.bodies(records.get(7).id())).isEmpty();
        assertThat(count("usage_rollups")).isEqualTo(rollupsBefore);   // reports keep their history
        assertThat(log.usage(RequestLog.GroupBy.DAY, null, null)).hasSize(40);

        assertThat(pruner(Optional.of(Duration.ofDays(30)), Duration.ofDays(7), 3).pruneNow())
                .isEqualTo(new RetentionPruner.Pruned(0, 0));
    }

    @Test
    void keepingRequestsForeverStillPrunesBodies() throws Exception {
        daily(81, 12);
        assertThat(pruner(Optional.empty(), Duration.ofDays(7), 5_000).pruneNow()).isEqualTo(new RetentionPruner.Pruned(0, 5));
        assertThat(rowCount()).isEqualTo(12);
        assertThat(count("request_bodies")).isEqualTo(7);
    }

    @Test
    void noBodyOutlivesItsRequest() throws Exception {
        daily(82, 12);
        assertThat(pruner(Optional.of(Duration.ofDays(3)), Duration.ofDays(7), 2).pruneNow()).isEqualTo(new RetentionPruner.Pruned(9, 9));
        assertThat(rowCount()).isEqualTo(3);
        assertThat(count("request_bodies")).isEqualTo(3);
    }

    @Test
    void runsOnItsOwnScheduleUntilClosed() throws Exception {
        daily(83, 10);
        RetentionPruner.Settings settings = new RetentionPruner.Settings(Optional.of(Duration.ofDays(5)), Duration.ofDays(2),
                Duration.ZERO, Duration.ofMillis(50), 2, Duration.ofMillis(1), CLOCK);
        try (RetentionPruner pruner = new RetentionPruner(database.dataSource(), database.dialect(), settings).start()) {
            Records.await("the first run", Duration.ofSeconds(10), () -> counted("requests") == 5 && counted("request_bodies") == 2);
            daily(84, 10);   // more old rows: the next run takes them
            Records.await("a later run", Duration.ofSeconds(10), () -> counted("requests") == 10 && counted("request_bodies") == 4);
            assertThat(threadAlive()).isTrue();
        }
        Records.await("the pruner thread to end", Duration.ofSeconds(5), () -> !threadAlive());
    }

    private long counted(String table) {
        try {
            return count(table);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean threadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("ingate-retention") && t.isAlive());
    }
}
