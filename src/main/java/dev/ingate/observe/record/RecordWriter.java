package dev.ingate.observe.record;

import dev.ingate.store.Database;
import dev.ingate.store.Dialect;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes every {@link RequestRecord} off the request path: {@link #submit} only offers to a bounded queue, and one
 * daemon thread writes batches into the database (rows and rollups in one transaction).
 *
 * <p>Nothing is lost and memory stays bounded: while the database fails (or lags, the queue above its high-water
 * mark) the writer appends batches to the {@link Journal} instead, and replays the journal between batches once
 * writes succeed again. When the queue is full, {@code submit} appends the record to the journal itself: JSON
 * made in the caller's thread, then under a short lock a copy and a write into the page cache; never a database
 * call, never an fsync. Memory holds at most the queue (and a bounded {@link BodyBudget} of captured bodies in it)
 * and one batch. Only a failing journal disk loses records
 * ({@link #lost}). A record may reach the journal twice (a commit reported as failed that happened, a close that
 * timed out mid-batch); the insert skips stored ids, so every request counts once.
 *
 * <p>While the machine is saturated, the writer keeps off the CPU the request path needs ({@link WriterPacing}): the
 * database gets a small budget and the other batches go to the journal, replayed once there is CPU to spare.
 */
public final class RecordWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RecordWriter.class.getName());
    /** How long the idle writer waits for a record before it looks at the journal again. */
    private static final long IDLE_WAIT_MS = 100;
    private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    /**
     * @param queueCapacity    records held in memory (~1 KB each); beyond it {@code submit} journals
     * @param batchSize        records per transaction, and per journal read on replay
     * @param highWater        queue depth from which batches go to the journal: the database is not keeping up
     * @param journalFileBytes a journal file is sealed (and may be replayed) once it reaches this size
     * @param fsync            force each journal flush to the disk: survives a power cut, costs a disk round trip
     * @param closeWait        how long {@link #close} lets the writer drain into the database
     * @param retryMin         first pause after a failed write before the database is tried again (doubling)
     * @param retryMax         longest pause between tries while the database stays down
     * @param paced            while the machine is saturated, give the database only a small CPU budget and
     *                         journal the rest ({@link WriterPacing}); off, every batch goes to the database at once
     */
    public record Settings(int queueCapacity, int batchSize, int highWater, long journalFileBytes, boolean fsync,
                           Duration closeWait, Duration retryMin, Duration retryMax, boolean paced) {

        /** Settings without pacing: the writer uses all the CPU it needs (tests, the writer-rate benchmark). */
        public Settings(int queueCapacity, int batchSize, int highWater, long journalFileBytes, boolean fsync,
                        Duration closeWait, Duration retryMin, Duration retryMax) {
            this(queueCapacity, batchSize, highWater, journalFileBytes, fsync, closeWait, retryMin, retryMax, false);
        }

        public Settings {
            if (queueCapacity < 1 || batchSize < 1 || highWater < 1 || journalFileBytes < 1) {
                throw new IllegalArgumentException("record writer: queue, batch, high-water and journal sizes must be positive");
            }
        }

        /**
         * Batches of 4,000: a commit rewrites every index page it touched, and with many sessions and users the
         * pages are many; four times the records per commit cut the writer's CPU a record by a fifth (bench/WriterRate).
         */
        public static Settings defaults() {
            return new Settings(50_000, 4_000, 40_000, 64L << 20, false, Duration.ofSeconds(5), Duration.ofMillis(250),
                    Duration.ofSeconds(10), true);
        }

        /** The same without pacing: tests and benchmarks that must see every batch go to the database at once. */
        public Settings unpaced() {
            return new Settings(queueCapacity, batchSize, highWater, journalFileBytes, fsync, closeWait, retryMin, retryMax, false);
        }
    }

    private final Settings settings;
    private final BlockingQueue<RequestRecord> queue;
    private final BodyBudget bodyBudget = new BodyBudget(BodyBudget.DEFAULT_MAX_CHARS);
    private final BatchInsert insert;
    private final Journal journal;
    private final Replayer replayer;
    private final Thread thread;

    private final LongAdder written = new LongAdder();
    private final LongAdder spilled = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final AtomicLong lastOverflowWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closing;
    private volatile long closeDeadline;
    /** The batch the writer holds: journaled by {@link #close} too if the writer is stuck in the database. */
    private volatile List<RequestRecord> inFlight = List.of();

    /** Writer thread only. */
    private final Backoff backoff;
    /** Writer thread only. */
    private final WriterPacing pacing;

    private RecordWriter(DataSource dataSource, Dialect dialect, Path journalDir, Settings settings, WriterPacing pacing)
            throws IOException {
        this.settings = settings;
        this.queue = new LinkedBlockingQueue<>(settings.queueCapacity());   // two locks: callers never wait on the writer's drain
        this.insert = new BatchInsert(dataSource, dialect);
        this.journal = new Journal(journalDir, settings.journalFileBytes(), settings.fsync());
        this.replayer = new Replayer(journal, insert, settings.batchSize());
        this.backoff = new Backoff(settings.retryMin(), settings.retryMax());
        this.pacing = pacing;
        this.thread = Thread.ofPlatform().name("ingate-record-writer").daemon(true).unstarted(this::run);
    }

    /** Starts a writer into {@code database} journaling under {@code <dataDir>/journal}, with the default settings. */
    public static RecordWriter start(Database database, Path dataDir) {
        return start(database.dataSource(), database.dialect(), dataDir, Settings.defaults());
    }

    /** @throws UncheckedIOException when the journal directory cannot be created or read */
    public static RecordWriter start(DataSource dataSource, Dialect dialect, Path dataDir, Settings settings) {
        return start(dataSource, dialect, dataDir, settings, settings.paced() ? WriterPacing.forThisMachine() : WriterPacing.unpaced());
    }

    /** With a given pacing: tests make the machine look busy or idle. */
    static RecordWriter start(DataSource dataSource, Dialect dialect, Path dataDir, Settings settings, WriterPacing pacing) {
        try {
            RecordWriter writer = new RecordWriter(dataSource, dialect, dataDir.resolve("journal"), settings, pacing);
            writer.thread.start();
            return writer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the record journal in " + dataDir, e);
        }
    }

    /**
     * Hands a record over; never blocks on the database and never throws. True when the record is queued or
     * journaled; false when it was refused (no id or time) or could not be journaled either.
     */
    public boolean submit(RequestRecord record) {
        try {
            if (!RequestRows.storable(record)) {
                lost.increment();
                return false;
            }
            if (!closing && enqueue(record)) {
                if (closing) {
                    drainToJournal();   // raced with close(): the writer may be gone already
                }
                return true;
            }
            warnOverflow();
            return spill(List.of(record), false);
        } catch (RuntimeException e) {
            lost.increment();
            return false;
        }
    }

    /** Queues {@code record} if both the queue and the budget for queued bodies have room. */
    private boolean enqueue(RequestRecord record) {
        if (!bodyBudget.reserve(record)) {
            return false;
        }
        if (queue.offer(record)) {
            return true;
        }
        bodyBudget.release(record);
        return false;
    }

    /** Records committed straight from the queue. */
    public long written() {
        return written.sum();
    }

    /** Records appended to the journal (by the writer or, with a full queue, by {@link #submit}). */
    public long spilled() {
        return spilled.sum();
    }

    /** Records committed from the journal; already stored ones are not counted. */
    public long replayed() {
        return replayer.replayed();
    }

    public int queueDepth() {
        return queue.size();
    }

    /** Failed database writes (batches, live or replayed). */
    public long failures() {
        return failures.sum();
    }

    /** Records neither stored nor journaled: refused, a journal write error, or an unreadable journal line. */
    public long lost() {
        return lost.sum() + replayer.unreadable();
    }

    /** Writes what is queued for up to {@code closeWait}, journals the rest; later submits go to the journal. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeDeadline = System.nanoTime() + settings.closeWait().toNanos();
        closing = true;
        try {
            thread.join(settings.closeWait().plusSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warning("record writer: the database did not answer within the close wait; journaling the batch in flight");
            spill(inFlight, false);
        }
        drainToJournal();
        try {
            journal.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "record journal: could not close " + journal.dir(), e);
        }
    }

    private void run() {
        List<RequestRecord> batch = new ArrayList<>(settings.batchSize());
        while (!(closing && (queue.isEmpty() || System.nanoTime() - closeDeadline > 0))) {
            try {
                batch.clear();
                boolean replayDue = !closing && backoff.due() && replayer.hasWork() && pacing.mayUseDatabase();
                RequestRecord first = replayDue ? queue.poll() : queue.poll(IDLE_WAIT_MS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, settings.batchSize() - 1);
                    lingerForMore(batch);
                    writeLive(batch);
                }
                // live records first: the journal is replayed only when the queue holds less than a batch
                if (!closing && backoff.due() && queue.size() < settings.batchSize() && replayer.hasWork() && pacing.mayUseDatabase()) {
                    replayOne();
                }
                journal.flush();   // lines that callers appended with a full queue
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (IOException | RuntimeException | Error e) {
                failures.increment();
                LOG.log(Level.SEVERE, "record writer: unexpected failure", e);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(IDLE_WAIT_MS));   // no hot loop on a lasting fault
            }
        }
        drainToJournal();
        replayer.close();
    }

    /**
     * Waits a little for a fuller batch. Each commit rewrites every index page it touched, so a thousand
     * records in one transaction cost far less than ten transactions of a hundred (profiled: WAL writes and
     * commits were most of the writer's CPU at 20k records/s with small batches). Records reach the
     * database at most {@link #LINGER_MS} later for it.
     */
    private void lingerForMore(List<RequestRecord> batch) throws InterruptedException {
        // Sleeping, not waiting on the queue: a writer blocked in poll() must be woken by each submit,
        // a futex call on the event loop per record; asleep, it costs the submitters nothing.
        if (!closing && batch.size() < settings.batchSize()) {
            Thread.sleep(LINGER_MS);
            queue.drainTo(batch, settings.batchSize() - batch.size());
        }
    }

    static final long LINGER_MS = 100;

    private void writeLive(List<RequestRecord> batch) {
        bodyBudget.release(batch);   // out of the queue: its bodies are now the one batch in hand
        inFlight = List.copyOf(batch);
        // above the high-water mark the database is not keeping up: the journal takes batches far faster, so the
        // queue drains before callers have to journal themselves, and the replay catches up when traffic eases
        if (backoff.due() && queue.size() < settings.highWater() && (closing || pacing.mayUseDatabase())) {
            long cpuBefore = pacing.threadCpuNanos();
            try {
                written.add(insert.write(batch));
                pacing.charge(pacing.threadCpuNanos() - cpuBefore);
                backoff.succeeded();
                inFlight = List.of();
                return;
            } catch (SQLException | RuntimeException e) {
                failures.increment();
                backoff.failed(e);
            }
        }
        spill(batch, true);
        inFlight = List.of();
    }

    private void replayOne() throws IOException {
        long cpuBefore = pacing.threadCpuNanos();
        try {
            if (replayer.step()) {
                backoff.succeeded();
            }
            pacing.charge(pacing.threadCpuNanos() - cpuBefore);
        } catch (SQLException | RuntimeException e) {
            failures.increment();
            backoff.failed(e);
        }
    }

    /**
     * Appends to the journal; false (and counted as lost) only when the journal cannot be written. Callers' threads
     * pass {@code flush} false: they never wait for an fsync, the writer's next flush does it.
     */
    private boolean spill(List<RequestRecord> records, boolean flush) {
        if (records.isEmpty()) {
            return true;
        }
        try {
            journal.append(records);
            if (flush) {
                journal.flush();
            } else {
                journal.handOver();   // in the OS by the time submit returns: a crash of Ingate loses none of it
            }
            spilled.add(records.size());
            return true;
        } catch (IOException | RuntimeException e) {
            lost.add(records.size());
            LOG.log(Level.SEVERE, "record journal: " + records.size() + " record(s) lost, cannot write to " + journal.dir(), e);
            return false;
        }
    }

    private void drainToJournal() {
        List<RequestRecord> rest = new ArrayList<>();
        while (queue.drainTo(rest, settings.batchSize()) > 0) {
            bodyBudget.release(rest);
            spill(rest, false);
            rest.clear();
        }
        try {
            journal.flush();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "record journal: flush failed", e);
        }
    }

    private void warnOverflow() {
        long last = lastOverflowWarning.get();
        long now = System.nanoTime();
        if (now - last >= WARN_EVERY_NANOS && lastOverflowWarning.compareAndSet(last, now)) {
            LOG.warning("record writer: queue full (" + settings.queueCapacity() + " records or "
                    + BodyBudget.DEFAULT_MAX_CHARS / (1024 * 1024) + "M characters of bodies), records go to the journal");
        }
    }
}
