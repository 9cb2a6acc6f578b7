package dev.ingate.observe.record;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where records wait while the database cannot take them: append-only JSON-lines files
 * {@code <dir>/requests-<n>.jsonl}, one open for appending at a time, sealed when it reaches its size limit or when
 * the replayer wants it. Sealed files are replayed oldest first and deleted once their records are committed.
 *
 * <p>Thread-safe: the writer thread spills batches and callers spill single records when the queue is full. Records
 * are turned into JSON before the lock is taken, so the lock only covers a copy into a buffer (and a write to the
 * page cache when the buffer fills). {@link #flush} hands the buffer to the operating system, which keeps it through
 * a crash of Ingate; with {@code fsync} it is also forced to the disk, which survives a power cut but costs a disk
 * round trip per flush.
 */
final class Journal implements AutoCloseable {

    static final String PREFIX = "requests-";
    static final String SUFFIX = ".jsonl";
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path dir;
    private final long maxFileBytes;
    private final boolean fsync;
    /** Complete files waiting for replay, by number: the order they were written in. */
    private final TreeMap<Long, Path> sealed = new TreeMap<>();
    private long nextNumber;

    private Path currentPath;
    private FileChannel channel;
    private OutputStream out;
    private long currentBytes;
    /** Bytes in the buffer, not yet handed to the operating system. */
    private boolean buffered;
    /** Bytes not yet forced to the disk (tracked only to know whether an fsync is due). */
    private boolean unsynced;

    /** Opens the journal in {@code dir} (created if missing); files left by an earlier run are due for replay. */
    Journal(Path dir, long maxFileBytes, boolean fsync) throws IOException {
        this.dir = dir;
        this.maxFileBytes = maxFileBytes;
        this.fsync = fsync;
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(file -> {
                long n = number(file);
                if (n >= 0) {
                    sealed.put(n, file);
                }
            });
        }
        nextNumber = sealed.isEmpty() ? 1 : sealed.lastKey() + 1;
    }

    Path dir() {
        return dir;
    }

    void append(RequestRecord record) throws IOException {
        append(List.of(record));
    }

    void append(List<RequestRecord> records) throws IOException {
        ByteArrayOutputStream lines = new ByteArrayOutputStream(records.size() * 512);
        RecordJson.writeLines(records, lines);
        write(lines);
    }

    private synchronized void write(ByteArrayOutputStream lines) throws IOException {
        if (out != null && currentBytes >= maxFileBytes) {
            seal();
        }
        if (out == null) {
            open();
        }
        try {
            lines.writeTo(out);
            currentBytes += lines.size();
            buffered = true;
            unsynced = true;
        } catch (IOException e) {
            // whatever part reached the file ends it: the next line starts in a new file, not glued to half a line
            sealQuietly();
            throw e;
        }
    }

    /** Hands buffered lines to the operating system, and forces them to the disk with fsync. */
    void flush() throws IOException {
        FileChannel toSync;
        synchronized (this) {
            handOver();
            if (!fsync || !unsynced || channel == null) {
                return;
            }
            toSync = channel;
            unsynced = false;
        }
        try {
            toSync.force(false);   // outside the lock: callers appending meanwhile do not wait for the disk
        } catch (ClosedChannelException e) {
            // sealed meanwhile, and sealing forces the file itself
        } catch (IOException e) {
            synchronized (this) {
                unsynced = true;
            }
            throw e;
        }
    }

    /**
     * Hands buffered lines to the operating system only: a write into the page cache, microseconds, for a caller
     * that must not wait for a disk. The writer thread's next {@link #flush} forces them with fsync.
     */
    synchronized void handOver() throws IOException {
        if (buffered && out != null) {
            out.flush();
            buffered = false;
        }
    }

    /** Seals the file being appended to, if it has anything, so that it can be replayed; true if it did. */
    synchronized boolean rotate() throws IOException {
        if (out == null) {
            return false;
        }
        seal();
        return true;
    }

    /** The oldest sealed file, or null. */
    synchronized Path oldestSealed() {
        return sealed.isEmpty() ? null : sealed.firstEntry().getValue();
    }

    /** Called once every record of a sealed file is committed. */
    synchronized void delete(Path file) throws IOException {
        sealed.values().remove(file);
        Files.deleteIfExists(file);
    }

    /** True when nothing waits for replay and nothing is being appended. */
    synchronized boolean isEmpty() {
        return sealed.isEmpty() && out == null;
    }

    /** Seals the current file. A later append opens a new one: a record submitted during shutdown is still kept. */
    @Override
    public synchronized void close() throws IOException {
        rotate();
    }

    private void open() throws IOException {
        while (true) {
            Path path = dir.resolve(PREFIX + nextNumber++ + SUFFIX);
            try {
                channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                currentPath = path;
                break;
            } catch (FileAlreadyExistsException e) {
                // put there since the scan (copied in by hand): never append to a file that may be replayed
                sealed.put(number(path), path);
            }
        }
        out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
        currentBytes = 0;
    }

    private void seal() throws IOException {
        Path path = currentPath;
        long bytes = currentBytes;
        try {
            out.flush();
            if (fsync) {
                channel.force(false);
            }
        } finally {
            FileChannel closing = channel;
            out = null;
            channel = null;
            currentPath = null;
            buffered = false;
            unsynced = false;
            if (bytes > 0) {
                sealed.put(number(path), path);   // even if closing fails below: what reached the file is replayed
            }
            closing.close();
            if (bytes == 0) {
                Files.deleteIfExists(path);
            }
        }
    }

    private void sealQuietly() {
        try {
            seal();
        } catch (IOException | RuntimeException ignored) {
            // the write error that led here is the one reported
        }
    }

    /** The n of requests-n.jsonl, or -1 for any other file. */
    static long number(Path file) {
        String name = file.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
