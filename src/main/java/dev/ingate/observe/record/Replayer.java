package dev.ingate.observe.record;

import tools.jackson.core.JacksonException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * Moves journaled records into the database one batch per {@link #step}, so the writer thread can interleave
 * replay with live batches and memory holds one batch whatever the file's size. A file is deleted only after its
 * last batch is committed; after a failure it is read again from its start, and the records already committed are
 * skipped by the insert ({@link BatchInsert}), so nothing is counted twice. Used by the writer thread only.
 */
final class Replayer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Replayer.class.getName());

    /**
     * Lines with captured bodies can be a hundred kilobytes each: a batch also ends at this many characters, so a
     * replay holds tens of megabytes at most, not a thousand records' worth of bodies.
     */
    static final long MAX_BATCH_CHARS = 16L * 1024 * 1024;

    private final Journal journal;
    private final BatchInsert insert;
    private final int batchSize;
    private final LongAdder replayed = new LongAdder();
    private final LongAdder unreadable = new LongAdder();

    private Path file;
    private BufferedReader reader;
    /** Lines of the current file that are not records; counted once the file is done, not on each re-read. */
    private long badLines;

    Replayer(Journal journal, BatchInsert insert, int batchSize) {
        this.journal = journal;
        this.insert = insert;
        this.batchSize = batchSize;
    }

    /** Records inserted from the journal (records that were already stored are not counted). */
    long replayed() {
        return replayed.sum();
    }

    /** Journal lines that could not be read back as records (a line cut short by a crash). */
    long unreadable() {
        return unreadable.sum();
    }

    boolean hasWork() {
        return reader != null || !journal.isEmpty();
    }

    /**
     * Replays the next batch, sealing the file being appended to when no sealed file is left. Returns false when
     * there was nothing to replay.
     *
     * @throws SQLException when the batch could not be committed; the file stays for a later attempt
     */
    boolean step() throws SQLException, IOException {
        if (reader == null && !open()) {
            return false;
        }
        List<RequestRecord> batch = new ArrayList<>(batchSize);
        try {
            String line;
            long chars = 0;
            while (batch.size() < batchSize && chars < MAX_BATCH_CHARS && (line = reader.readLine()) != null) {
                chars += line.length();
                parse(line, batch);
            }
        } catch (IOException e) {
            closeReader();
            throw e;
        }
        if (batch.isEmpty()) {
            finishFile();
            return true;
        }
        try {
            replayed.add(insert.write(batch));
        } catch (SQLException | RuntimeException e) {
            closeReader();   // start this file over next time: committed batches are skipped then
            throw e;
        }
        return true;
    }

    private boolean open() throws IOException {
        Path next = journal.oldestSealed();
        if (next == null && journal.rotate()) {
            next = journal.oldestSealed();
        }
        if (next == null) {
            return false;
        }
        try {
            reader = Files.newBufferedReader(next, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            journal.delete(next);   // removed by hand: nothing left to replay from it
            return false;
        }
        file = next;
        badLines = 0;
        return true;
    }

    private void parse(String line, List<RequestRecord> batch) {
        if (line.isBlank()) {
            return;
        }
        try {
            RequestRecord r = RecordJson.read(line);
            if (RequestRows.storable(r)) {
                batch.add(r);
                return;
            }
        } catch (JacksonException e) {
            // counted below
        }
        badLines++;
    }

    private void finishFile() throws IOException {
        Path done = file;
        long bad = badLines;
        closeReader();
        // counted before the file goes: whoever sees the journal empty must see the count too
        if (bad > 0) {
            unreadable.add(bad);
            LOG.warning(() -> "record journal " + done.getFileName() + ": " + bad + " unreadable line(s) skipped");
        }
        journal.delete(done);
    }

    private void closeReader() {
        try {
            if (reader != null) {
                reader.close();
            }
        } catch (IOException ignored) {
            // read-only: nothing to lose
        } finally {
            reader = null;
            file = null;
        }
    }

    @Override
    public void close() {
        closeReader();
    }
}
