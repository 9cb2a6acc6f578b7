package dev.ingate.observe.record;

import dev.ingate.store.Database;
import dev.ingate.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQLite never shrinks its file by itself, but pages that deletes free go on its free list and are filled again
 * before the file grows: with pruning keeping pace, the database stays the size of what it holds at its fullest.
 */
class SqliteSpaceReuseTest {

    private static final Instant NOW = Instant.parse("2026-12-31T12:00:00Z");

    @Test
    void prunedPagesAreReusedSoTheFileStopsGrowing() throws Exception {
        try (TestDatabases.Place place = TestDatabases.sqlite("ingate-space", "ingate.db");
             Database database = Database.open(place.url())) {
            BatchInsert insert = new BatchInsert(database.dataSource(), database.dialect());
            RetentionPruner pruner = new RetentionPruner(database.dataSource(), database.dialect(), new RetentionPruner.Settings(
                    Optional.of(Duration.ofDays(30)), Duration.ofDays(7), Duration.ofHours(1), Duration.ofHours(1),
                    500, Duration.ZERO, Clock.fixed(NOW, ZoneOffset.UTC)));

            long[] pagesAfterRound = new long[6];
            for (int round = 0; round < pagesAfterRound.length; round++) {
                insert.write(oldRecords(round, 2_000));
                long full = pages(database, "page_count");
                RetentionPruner.Pruned pruned = pruner.pruneNow();
                assertThat(pruned).isEqualTo(new RetentionPruner.Pruned(2_000, 2_000));
                assertThat(pages(database, "freelist_count")).as("freed pages are kept for reuse").isPositive();
                pagesAfterRound[round] = full;
            }
            // the first round sets the size; later rounds fill the freed pages instead of growing the file
            long first = pagesAfterRound[0];
            for (int round = 1; round < pagesAfterRound.length; round++) {
                assertThat(pagesAfterRound[round]).as("pages at round %d (first round: %d)", round, first)
                        .isLessThanOrEqualTo(first + first / 10);
            }
        }
    }

    /** Records 40 days old (past both retentions), each with ~2 KB of bodies. */
    private static List<RequestRecord> oldRecords(int round, int count) {
        String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "tell me more. ".repeat(100) + "\"}]}";
        List<RequestRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            RequestRecord r = Records.record(900 + round, i, NOW.minus(Duration.ofDays(40)).plusMillis(i));
            records.add(Records.withBodies(r, new RequestBodies(new CapturedBody(body, null, false), new CapturedBody(body, null, false))));
        }
        return records;
    }

    private static long pages(Database database, String pragma) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
