package dev.ingate.observe.record;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Captured bodies go into request_bodies with their request rows, once, through the journal too. */
class BodyStorageTest extends RecordTestBase {

    @Test
    void theWriterStoresBodiesNextToTheirRows() throws Exception {
        List<RequestRecord> records = new ArrayList<>();
        for (RequestRecord r : Records.run(60, 0, 600)) {
            records.add(r.hashCode() % 2 == 0 ? Records.withBodies(r) : r);
        }
        long withBodies = records.stream().filter(r -> r.bodies() != null).count();
        try (RecordWriter writer = start()) {
            records.forEach(writer::submit);
            Records.await("every record stored", Duration.ofSeconds(30), () -> writer.written() == records.size());
        }
        assertStoredExactly(records);
        assertThat(count("request_bodies")).isEqualTo(withBodies);
        JdbcRequestLog log = new JdbcRequestLog(database);
        for (RequestRecord r : records.subList(0, 40)) {
            assertThat(log.bodies(r.id())).as(r.id()).isEqualTo(java.util.Optional.ofNullable(r.bodies()));
            assertThat(log.get(r.id()).orElseThrow()).usingRecursiveComparison()
                    .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
                    .ignoringFields("overheadMs").isEqualTo(r.withoutBodies());
        }
        assertThat(log.list(null, 1000, null).records()).allSatisfy(r -> assertThat(r.bodies()).isNull());
    }

    @Test
    void bodiesAreCommittedInTheTransactionOfTheirRow() throws Exception {
        BatchInsert insert = new BatchInsert(database.dataSource(), database.dialect());
        List<RequestRecord> batch = List.of(Records.withBodies(Records.record(61, 1)), Records.record(61, 2));
        execute("ALTER TABLE request_bodies RENAME TO request_bodies_away");
        try {
            assertThatThrownBy(() -> insert.write(batch)).isInstanceOf(SQLException.class);
        } finally {
            execute("ALTER TABLE request_bodies_away RENAME TO request_bodies");
        }
        assertThat(rowCount()).isZero();   // the bodies failed: their rows and the rollups went back with them
        assertThat(count("usage_rollups")).isZero();
        assertThat(insert.write(batch)).isEqualTo(2);
        assertThat(count("request_bodies")).isEqualTo(1);
        assertStoredExactly(batch);
    }

    @Test
    void aDuplicateIdKeepsTheFirstBodies() throws Exception {
        BatchInsert insert = new BatchInsert(database.dataSource(), database.dialect());
        RequestRecord first = Records.withBodies(Records.record(62, 1));
        RequestRecord again = Records.withBodies(first, new RequestBodies(new CapturedBody("other", null, false), null));
        assertThat(insert.write(List.of(first, again))).isEqualTo(1);
        assertThat(insert.write(List.of(again))).isZero();
        assertThat(count("request_bodies")).isEqualTo(1);
        assertThat(new JdbcRequestLog(database).bodies(first.id())).contains(first.bodies());
    }

    @Test
    void journaledBodiesAreReplayed() throws Exception {
        List<RequestRecord> records = Records.run(63, 0, 50).stream().map(Records::withBodies).toList();
        RecordWriter writer = start();
        writer.close();
        records.forEach(r -> assertThat(writer.submit(r)).isTrue());   // after close: straight to the journal
        assertThat(journalLines()).isEqualTo(records.size());
        try (RecordWriter next = start()) {
            Records.await("the journal replayed", Duration.ofSeconds(30), this::journalEmpty);
        }
        assertThat(count("request_bodies")).isEqualTo(records.size());
        JdbcRequestLog log = new JdbcRequestLog(database);
        records.forEach(r -> assertThat(log.bodies(r.id())).contains(r.bodies()));
    }

    @Test
    void withoutCaptureTheBodiesTableStaysEmpty() throws Exception {
        List<RequestRecord> records = Records.run(64, 0, 300);
        try (RecordWriter writer = start()) {
            records.forEach(writer::submit);
        }
        assertStoredExactly(records);
        assertThat(count("request_bodies")).isZero();
        assertThat(new JdbcRequestLog(database).bodies(records.getFirst().id())).isEmpty();
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
