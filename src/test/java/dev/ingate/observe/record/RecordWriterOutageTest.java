package dev.ingate.observe.record;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The database goes away, answers but loses the commit's reply, or stalls: no record is lost or counted twice. */
class RecordWriterOutageTest extends RecordTestBase {

    @Test
    void everyRecordArrivesOnceAfterAnOutage() throws Exception {
        SwitchableDataSource dataSource = new SwitchableDataSource(database.dataSource());
        List<RequestRecord> before = Records.run(10, 0, 3_000);
        List<RequestRecord> during = Records.run(10, 3_000, 5_000);
        List<RequestRecord> after = Records.run(10, 8_000, 2_000);
        try (RecordWriter writer = start(dataSource, settings(50_000, 500, 40_000, Duration.ofSeconds(5)))) {
            before.forEach(writer::submit);
            Records.await("the first records written", Duration.ofSeconds(30), () -> writer.written() == before.size());

            dataSource.set(SwitchableDataSource.Mode.DOWN);
            for (int i = 0; i < during.size(); i += 500) {
                during.subList(i, i + 500).forEach(r -> assertThat(writer.submit(r)).isTrue());
                Thread.sleep(10);   // several batches, several retries against the dead database
            }
            Records.await("the outage's records journaled", Duration.ofSeconds(30), () -> writer.spilled() == during.size());
            assertThat(rowCount()).isEqualTo(before.size());
            assertThat(writer.failures()).isPositive();
            assertThat(journalFiles()).hasSizeGreaterThan(1);   // 256 KB files: rotated while journaling

            dataSource.set(SwitchableDataSource.Mode.UP);
            after.forEach(writer::submit);
            Records.await("everything stored and the journal gone", Duration.ofSeconds(60),
                    () -> writer.written() + writer.replayed() == 10_000 && journalEmpty());
            assertThat(writer.replayed()).isGreaterThanOrEqualTo(during.size());   // and what came during the retry pause
            assertThat(writer.lost()).isZero();
        }
        List<RequestRecord> all = new ArrayList<>(before);
        all.addAll(during);
        all.addAll(after);
        assertStoredExactly(all);
    }

    /** Every commit happens but is reported failed: the journal then holds stored records, replayed as no-ops. */
    @Test
    void aCommitReportedAsFailedIsNotCountedTwice() throws Exception {
        SwitchableDataSource dataSource = new SwitchableDataSource(database.dataSource());
        List<RequestRecord> records = Records.run(11, 0, 1_000);
        dataSource.set(SwitchableDataSource.Mode.LOST_ACK);
        try (RecordWriter writer = start(dataSource, settings(50_000, 100, 40_000, Duration.ofSeconds(5)))) {
            records.forEach(writer::submit);
            Records.await("every batch journaled", Duration.ofSeconds(30), () -> writer.spilled() == records.size());
            assertThat(rowCount()).isPositive();   // the batches tried against the database are stored, and journaled
            dataSource.set(SwitchableDataSource.Mode.UP);
            Records.await("the journal replayed", Duration.ofSeconds(30), this::journalEmpty);
            assertThat(writer.written()).isZero();
            assertThat(writer.replayed()).isLessThan(records.size());   // the stored ones were skipped
        }
        assertStoredExactly(records);
    }

    /** A real stall (another transaction holds the write lock): the tiny queue fills and callers journal, unblocked. */
    @Test
    void aFullQueueSpillsFromTheCallerAndLosesNothing() throws Exception {
        List<RequestRecord> records = Records.run(12, 0, 3_000);
        Connection stall = backend.stall(place.url());
        try (RecordWriter writer = start(database.dataSource(), settings(100, 50, 80, Duration.ofSeconds(5)))) {
            try {
                long start = System.nanoTime();
                records.forEach(r -> assertThat(writer.submit(r)).isTrue());
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
                assertThat(writer.spilled()).isGreaterThanOrEqualTo(records.size() - 100 - 50);
                assertThat(rowCount()).isZero();
            } finally {
                RecordBackend.release(stall);
            }
            Records.await("everything stored and the journal gone", Duration.ofSeconds(60),
                    () -> writer.written() + writer.replayed() == records.size() && journalEmpty());
            assertThat(writer.lost()).isZero();
        }
        assertStoredExactly(records);
    }
}
