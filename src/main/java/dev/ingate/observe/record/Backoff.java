package dev.ingate.observe.record;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * When the writer may try the database again: at once while it works, then after pauses doubling from
 * {@code min} to {@code max} while it keeps failing, so a down database costs a try now and then, not a try (and a
 * connection timeout) per batch. Not thread-safe: the writer thread's alone.
 */
final class Backoff {

    private static final Logger LOG = Logger.getLogger(RecordWriter.class.getName());

    private final long minNanos;
    private final long maxNanos;
    private long pauseNanos;
    private long retryAt = System.nanoTime();

    Backoff(Duration min, Duration max) {
        this.minNanos = min.toNanos();
        this.maxNanos = Math.max(minNanos, max.toNanos());
    }

    boolean due() {
        return System.nanoTime() - retryAt >= 0;
    }

    /** Records a failure; the first after a success is logged (not every retry of a long outage). */
    void failed(Exception cause) {
        boolean first = pauseNanos == 0;
        pauseNanos = first ? minNanos : Math.min(pauseNanos * 2, maxNanos);
        retryAt = System.nanoTime() + pauseNanos;
        if (first) {
            LOG.warning("record writer: database write failed, journaling records until it succeeds again: " + cause);
        }
    }

    /** Records a success; the end of a run of failures is logged. */
    void succeeded() {
        if (pauseNanos != 0) {
            pauseNanos = 0;
            LOG.info("record writer: database writes succeed again; replaying the journal");
        }
    }
}
