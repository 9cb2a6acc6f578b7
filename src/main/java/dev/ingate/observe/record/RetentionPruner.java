package dev.ingate.observe.record;

import dev.ingate.config.RecordingSettings;
import dev.ingate.store.Database;
import dev.ingate.store.Dialect;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes recorded requests older than {@code recording.retention} and captured bodies older than
 * {@code recording.body_retention}, on a daemon thread of its own (never an event loop, never the record writer):
 * shortly after start, then every few minutes. Usage rollups are kept: reports keep their history.
 *
 * <p>Deletes go in chunks of a few thousand rows, each its own short transaction, oldest first through the
 * {@code (created_at, id)} indexes, with a pause between chunks: the record writer (on SQLite, the one writer the
 * file allows) waits for one chunk at most, never for a whole backlog. SQLite puts the freed pages on its free list
 * and fills them again before it grows the file, so once pruning keeps pace the file stops growing.
 *
 * <p>Bodies are pruned at the earlier of their own and the records' cutoff, so no body outlives its request.
 */
public final class RetentionPruner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RetentionPruner.class.getName());

    /**
     * @param retention     requests older than this are deleted; empty keeps them for ever
     * @param bodyRetention bodies older than this are deleted
     * @param firstRun      delay from start to the first run
     * @param interval      delay from the end of one run to the start of the next
     * @param chunkRows     rows per DELETE statement (and transaction)
     * @param chunkPause    pause between chunks, so other writers get the database in between
     */
    public record Settings(Optional<Duration> retention, Duration bodyRetention, Duration firstRun, Duration interval,
                           int chunkRows, Duration chunkPause, Clock clock) {

        public static final Duration FIRST_RUN = Duration.ofSeconds(30);
        public static final Duration INTERVAL = Duration.ofMinutes(5);
        public static final int CHUNK_ROWS = 5_000;
        public static final Duration CHUNK_PAUSE = Duration.ofMillis(50);

        public Settings {
            if (chunkRows < 1) {
                throw new IllegalArgumentException("retention: chunk size must be positive");
            }
        }

        /** The recording section's retentions with the default schedule and the system clock. */
        public static Settings of(RecordingSettings recording) {
            return new Settings(recording.retention(), recording.bodyRetention(), FIRST_RUN, INTERVAL, CHUNK_ROWS,
                    CHUNK_PAUSE, Clock.systemUTC());
        }
    }

    /** What one run deleted. */
    public record Pruned(long requests, long bodies) {
    }

    private static final String DELETE_REQUESTS = "DELETE FROM requests WHERE id IN "
            + "(SELECT id FROM requests WHERE created_at < ? ORDER BY created_at LIMIT ?)";
    private static final String DELETE_BODIES = "DELETE FROM request_bodies WHERE id IN "
            + "(SELECT id FROM request_bodies WHERE created_at < ? ORDER BY created_at LIMIT ?)";

    /** A PostgreSQL that stopped answering must fail the run (tried again later), not hang the thread for ever. */
    private static final int POSTGRES_TIMEOUT_SECONDS = 60;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Settings settings;
    private ScheduledExecutorService scheduler;

    public RetentionPruner(DataSource dataSource, Dialect dialect, Settings settings) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.settings = settings;
    }

    /** Starts pruning {@code database} as {@code recording} says. */
    public static RetentionPruner start(Database database, RecordingSettings recording) {
        return new RetentionPruner(database.dataSource(), database.dialect(), Settings.of(recording)).start();
    }

    /** Schedules the runs; returns this. */
    public synchronized RetentionPruner start() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("ingate-retention").daemon(true).factory());
            scheduler.scheduleWithFixedDelay(this::runQuietly, settings.firstRun().toMillis(),
                    Math.max(1, settings.interval().toMillis()), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /**
     * One run, now, on the calling thread: deletes what is past its retention, chunk by chunk.
     *
     * @throws SQLException when a chunk fails; the chunks before it stay deleted
     */
    public Pruned pruneNow() throws SQLException {
        Instant now = settings.clock().instant();
        Optional<Instant> requestsCutoff = settings.retention().map(now::minus);
        Instant bodiesCutoff = now.minus(settings.bodyRetention());
        if (requestsCutoff.isPresent() && requestsCutoff.get().isAfter(bodiesCutoff)) {
            bodiesCutoff = requestsCutoff.get();
        }
        long bodies = deleteOlder(DELETE_BODIES, bodiesCutoff);
        long requests = requestsCutoff.isPresent() ? deleteOlder(DELETE_REQUESTS, requestsCutoff.get()) : 0;
        return new Pruned(requests, bodies);
    }

    private long deleteOlder(String sql, Instant cutoff) throws SQLException {
        long total = 0;
        while (true) {
            int deleted;
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                if (dialect == Dialect.POSTGRES) {
                    ps.setQueryTimeout(POSTGRES_TIMEOUT_SECONDS);
                }
                ps.setLong(1, cutoff.toEpochMilli());
                ps.setInt(2, settings.chunkRows());
                deleted = ps.executeUpdate();
            }
            total += deleted;
            if (deleted < settings.chunkRows() || Thread.currentThread().isInterrupted()) {
                return total;
            }
            pause();
        }
    }

    private void pause() {
        if (settings.chunkPause().isZero()) {
            return;
        }
        try {
            Thread.sleep(settings.chunkPause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();   // closing: the loop ends after this chunk
        }
    }

    /** A failed run is logged and tried again at the next interval: an exception would end the schedule. */
    private void runQuietly() {
        try {
            Pruned pruned = pruneNow();
            if (pruned.requests() > 0 || pruned.bodies() > 0) {
                LOG.info("retention: pruned " + pruned.requests() + " request record(s) and " + pruned.bodies()
                        + " captured bod" + (pruned.bodies() == 1 ? "y" : "ies"));
            }
        } catch (SQLException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return;   // closing: the chunk in hand was cut short, the next start goes on
            }
            LOG.log(Level.WARNING, "retention: pruning failed, trying again in " + settings.interval() + ": " + e.getMessage(), e);
        }
    }

    /** Stops the schedule; a run in progress ends after its current chunk. */
    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }
}
