package dev.ingate.webhook;

import dev.ingate.events.GatewayEvents;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link GatewayEvents} for webhooks: {@link #publish} puts the event on a bounded in-memory queue and returns; when
 * the queue is full (the delivery thread is behind, or the database is down) the event is dropped and counted, never
 * waited for: it may be called on an event loop in the middle of a request. The delivery thread takes from here.
 */
public final class WebhookEvents implements GatewayEvents {

    public static final int DEFAULT_CAPACITY = 10_000;
    private static final System.Logger LOG = System.getLogger(WebhookEvents.class.getName());

    private final BlockingQueue<QueuedEvent> queue;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public WebhookEvents(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    @Override
    public void publish(String type, Map<String, Object> data) {
        try {
            QueuedEvent event = QueuedEvent.of(type, data);
            if (queue.offer(event)) {
                published.incrementAndGet();
            } else if (dropped.incrementAndGet() == 1) {
                LOG.log(System.Logger.Level.WARNING, "webhook event queue full: dropping events (counted in ingate_webhook_events_dropped_total)");
            }
        } catch (RuntimeException e) {
            // a null in the data, say: the caller's request must not fail for a notification
            dropped.incrementAndGet();
        }
    }

    public long published() {
        return published.get();
    }

    public long dropped() {
        return dropped.get();
    }

    public int depth() {
        return queue.size();
    }

    /** Waits up to {@code timeoutMillis} for a first event, then takes whatever else is queued (at most {@code max}). */
    List<QueuedEvent> take(long timeoutMillis, int max) throws InterruptedException {
        QueuedEvent first = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        List<QueuedEvent> batch = new java.util.ArrayList<>();
        batch.add(first);
        queue.drainTo(batch, max - 1);
        return batch;
    }
}
