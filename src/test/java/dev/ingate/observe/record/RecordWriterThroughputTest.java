package dev.ingate.observe.record;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sustained records/s from the first submit until the last record is committed, default settings: the figure for
 * issue 4's target (20,000/s); and the database's own rate beside it. Printed, not asserted: they measure the
 * machine as much as the code.
 */
class RecordWriterThroughputTest extends RecordTestBase {

    private static final int RECORDS = 50_000;

    @Test
    void sustainedRecordsPerSecond() throws Exception {
        List<RequestRecord> warmUp = Records.run(30, 0, 5_000);
        List<RequestRecord> records = Records.run(31, 0, RECORDS);
        try (RecordWriter writer = start(database.dataSource(), RecordWriter.Settings.defaults().unpaced())) {
            warmUp.forEach(writer::submit);   // JIT and connections, not measured
            Records.await("the warm-up stored", Duration.ofSeconds(60), () -> writer.written() + writer.replayed() == warmUp.size());

            long start = System.nanoTime();
            records.forEach(writer::submit);
            long submitted = System.nanoTime();
            Records.await("every record stored", Duration.ofSeconds(120),
                    () -> writer.written() + writer.replayed() == warmUp.size() + RECORDS && journalEmpty());
            long done = System.nanoTime();

            double seconds = (done - start) / 1e9;
            System.out.printf("record writer throughput [%s]: %,d records in %.2f s = %,.0f records/s "
                            + "(submit %.0f ns/record; %,d journaled and replayed on the way)%n",
                    backend, RECORDS, seconds, RECORDS / seconds, (submitted - start) / (double) RECORDS, writer.spilled());
            assertThat(writer.lost()).isZero();
        }
        assertThat(rowCount()).isEqualTo(warmUp.size() + RECORDS);
    }

    /** The database alone: 1,000-record transactions back to back, no queue and no journal. */
    @Test
    void batchInsertRecordsPerSecond() throws Exception {
        BatchInsert insert = new BatchInsert(database.dataSource(), database.dialect());
        insert.write(Records.run(32, 0, 5_000));   // warm-up
        List<RequestRecord> records = Records.run(33, 0, RECORDS);
        long start = System.nanoTime();
        for (int i = 0; i < RECORDS; i += 1_000) {
            insert.write(records.subList(i, i + 1_000));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("batch insert throughput [%s]: %,d records in %.2f s = %,.0f records/s%n", backend, RECORDS, seconds, RECORDS / seconds);
        assertThat(rowCount()).isEqualTo(5_000 + RECORDS);
    }
}
