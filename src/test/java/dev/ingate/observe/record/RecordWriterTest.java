package dev.ingate.observe.record;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RecordWriterTest extends RecordTestBase {

    @Test
    void tenThousandSubmittedRecordsArriveComplete() throws Exception {
        List<RequestRecord> records = Records.run(1, 0, 10_000);
        try (RecordWriter writer = start()) {
            for (RequestRecord r : records) {
                assertThat(writer.submit(r)).isTrue();
            }
            Records.await("every record stored", Duration.ofSeconds(60),
                    () -> writer.written() + writer.replayed() == records.size() && writer.queueDepth() == 0 && journalEmpty());
            assertThat(writer.lost()).isZero();
            assertThat(writer.failures()).isZero();
        }
        assertStoredExactly(records);
    }

    @Test
    void closeDrainsTheQueueIntoTheDatabase() throws Exception {
        List<RequestRecord> records = Records.run(2, 0, 5_000);
        RecordWriter writer = start();
        records.forEach(writer::submit);
        writer.close();
        assertThat(writer.queueDepth()).isZero();
        assertThat(journalFiles()).isEmpty();
        assertStoredExactly(records);
    }

    /** The database hangs through shutdown: close still returns in time, and the journal holds every record. */
    @Test
    void closeJournalsWhatAStalledDatabaseDidNotTake() throws Exception {
        List<RequestRecord> records = Records.run(3, 0, 2_000);
        Connection stall = backend.stall(place.url());
        RecordWriter writer = start(database.dataSource(), settings(50_000, 500, 40_000, Duration.ofMillis(300)));
        try {
            records.forEach(writer::submit);
            long start = System.nanoTime();
            writer.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(journalLines()).isGreaterThanOrEqualTo(records.size());
        } finally {
            RecordBackend.release(stall);   // the stuck batch may commit now: it is in the journal too
        }
        Records.await("the stuck writer to finish", Duration.ofSeconds(10), () -> !writerThreadAlive());
        try (RecordWriter next = start()) {
            Records.await("the journal replayed", Duration.ofSeconds(30), this::journalEmpty);
        }
        assertStoredExactly(records);
    }

    @Test
    void aRecordSubmittedAfterCloseIsJournaledAndReplayedByTheNextWriter() throws Exception {
        List<RequestRecord> records = Records.run(4, 0, 10);
        RecordWriter writer = start();
        writer.close();
        records.forEach(r -> assertThat(writer.submit(r)).isTrue());
        assertThat(journalLines()).isEqualTo(records.size());
        try (RecordWriter next = start()) {
            Records.await("the journal replayed", Duration.ofSeconds(30), this::journalEmpty);
            assertThat(next.replayed()).isEqualTo(records.size());
        }
        assertStoredExactly(records);
    }

    /** A journal holding records already stored (a crash between commit and delete) and a line cut short. */
    @Test
    void replayingStoredRecordsCountsThemOnceAndSkipsABrokenLine() throws Exception {
        List<RequestRecord> stored = Records.run(5, 0, 1_000);
        List<RequestRecord> fresh = Records.run(5, 1_000, 500);
        try (RecordWriter writer = start()) {
            stored.forEach(writer::submit);
        }
        Files.createDirectories(journalDir());
        List<String> lines = new ArrayList<>();
        for (RequestRecord r : stored.subList(500, 1_000)) {
            lines.add(new String(RecordJson.write(r), StandardCharsets.UTF_8));
        }
        for (RequestRecord r : fresh) {
            lines.add(new String(RecordJson.write(r), StandardCharsets.UTF_8));
        }
        lines.add("");
        lines.add("{\"id\":\"cut-short\",\"createdAt\":\"2026-11-");
        Files.write(journalDir().resolve("requests-7.jsonl"), lines);
        try (RecordWriter writer = start()) {
            Records.await("the journal replayed", Duration.ofSeconds(30), this::journalEmpty);
            assertThat(writer.replayed()).isEqualTo(fresh.size());
            assertThat(writer.lost()).isEqualTo(1);
        }
        List<RequestRecord> all = new ArrayList<>(stored);
        all.addAll(fresh);
        assertStoredExactly(all);
    }

    @Test
    void refusesRecordsThatCouldNeverBeStored() throws Exception {
        try (RecordWriter writer = start()) {
            RequestRecord good = Records.record(6, 1);
            assertThat(writer.submit(null)).isFalse();
            assertThat(writer.submit(new RequestRecord(null, good.createdAt(), null, null, null, null, null, null, null,
                    200, 1, 1, null, 0, null, null, null, null, null, null, null, null))).isFalse();
            assertThat(writer.submit(new RequestRecord("id", null, null, null, null, null, null, null, null,
                    200, 1, 1, null, 0, null, null, null, null, null, null, null, null))).isFalse();
            assertThat(writer.lost()).isEqualTo(3);
        }
        assertThat(rowCount()).isZero();
    }

    static boolean writerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("ingate-record-writer") && t.isAlive());
    }
}
