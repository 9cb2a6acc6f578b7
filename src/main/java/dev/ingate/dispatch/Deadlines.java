package dev.ingate.dispatch;

import io.vertx.core.Vertx;

import java.time.Duration;

/**
 * The in-flight upstream calls of one event loop, checked for timeouts by one periodic sweep. A timer
 * per call (set, then cancelled on nearly every request) costs a shared map update and a scheduler
 * entry each time; a sweep over an intrusive list costs nothing per request but a link and an unlink.
 * Deadlines are met within one sweep period. Event-loop confined.
 */
final class Deadlines {

    /** Something with a deadline; linked into the list by {@link Deadlines#watch}. */
    abstract static class Watched {
        private Watched previous;
        private Watched next;
        private boolean watched;

        /** Called by each sweep; may unwatch itself. */
        abstract void checkDeadline(long nowNanos);
    }

    private final Watched head = new Watched() {
        @Override
        void checkDeadline(long nowNanos) {
        }
    };
    private final long timerId;
    private final Vertx vertx;

    Deadlines(Vertx vertx, Duration period) {
        this.vertx = vertx;
        head.previous = head;
        head.next = head;
        this.timerId = vertx.setPeriodic(Math.max(1, period.toMillis()), id -> sweep());
    }

    /** A period fine enough for the shortest timeout: a tenth of it, between 10 ms and 1 s. */
    static Duration periodFor(Duration... timeouts) {
        long shortest = Long.MAX_VALUE;
        for (Duration timeout : timeouts) {
            shortest = Math.min(shortest, timeout.toMillis());
        }
        return Duration.ofMillis(Math.clamp(shortest / 10, 10, 1000));
    }

    void watch(Watched entry) {
        if (entry.watched) {
            return;
        }
        entry.watched = true;
        entry.previous = head.previous;
        entry.next = head;
        head.previous.next = entry;
        head.previous = entry;
    }

    void unwatch(Watched entry) {
        if (!entry.watched) {
            return;
        }
        entry.watched = false;
        entry.previous.next = entry.next;
        entry.next.previous = entry.previous;
        entry.previous = null;
        entry.next = null;
    }

    private void sweep() {
        long now = System.nanoTime();
        Watched entry = head.next;
        while (entry != head) {
            Watched next = entry.next;
            entry.checkDeadline(now);
            entry = next;
        }
    }

    void close() {
        vertx.cancelTimer(timerId);
    }
}
