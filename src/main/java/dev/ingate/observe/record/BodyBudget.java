package dev.ingate.observe.record;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the memory that captured bodies take in the writer's queue. The queue is bounded in records (~1 KB each),
 * but a record with bodies can hold up to twice max_body_size: fifty thousand of them would be gigabytes. A record
 * whose bodies do not fit goes to the journal instead, as a record does when the queue is full. Records without
 * bodies never touch the counter.
 */
final class BodyBudget {

    /** Characters of queued bodies (up to two bytes each in memory): 64 MB at worst. */
    static final long DEFAULT_MAX_CHARS = 32L * 1024 * 1024;

    private final long maxChars;
    private final AtomicLong queuedChars = new AtomicLong();

    BodyBudget(long maxChars) {
        this.maxChars = maxChars;
    }

    /** Takes room for {@code r}'s bodies; false (nothing taken) when they do not fit. */
    boolean reserve(RequestRecord r) {
        if (r.bodies() == null) {
            return true;
        }
        long chars = r.bodies().chars();
        long after = queuedChars.addAndGet(chars);
        if (after > maxChars && after != chars) {   // a single record larger than the budget still passes alone
            queuedChars.addAndGet(-chars);
            return false;
        }
        return true;
    }

    /** Gives back the room of a record that left the queue (or never entered it). */
    void release(RequestRecord r) {
        if (r.bodies() != null) {
            queuedChars.addAndGet(-r.bodies().chars());
        }
    }

    void release(List<RequestRecord> records) {
        for (RequestRecord r : records) {
            release(r);
        }
    }

    long queuedChars() {
        return queuedChars.get();
    }
}
