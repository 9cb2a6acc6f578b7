package dev.ingate.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test events for one webhook ({@code POST /api/v1/webhooks/{id}/test}): a {@code webhook.test} event for that webhook
 * only, whatever events it subscribed to. It is written straight into the outbox, owned by this instance, rather than
 * published on the event queue: stored before the admin call answers (a full queue cannot drop it), and the delivery
 * thread, told it is due, signs, sends, retries and logs it like any other. Blocking: a database write.
 */
public final class WebhookTestPings {

    public static final String EVENT = "webhook.test";

    /** The ids a receiver and the delivery log show: the payload's {@code id} and {@code X-Ingate-Delivery}. */
    public record Queued(String eventId, String deliveryId) {
    }

    private final WebhookOutbox outbox;
    private final String owner;
    private final Runnable dueNow;

    /** @param dueNow tells the delivery thread a row is due now ({@link DeliveryWorker#dueNow}) */
    public WebhookTestPings(WebhookOutbox outbox, String owner, Runnable dueNow) {
        this.outbox = outbox;
        this.owner = owner;
        this.dueNow = dueNow;
    }

    public Queued queue(Webhook hook) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("webhook_id", hook.id());
        data.put("url", hook.url());
        data.put("message", "A test event sent through the Ingate admin API");
        QueuedEvent event = QueuedEvent.of(EVENT, data);
        Instant now = Instant.now();
        PendingDelivery delivery = PendingDelivery.first(hook.id(), event, EventPayload.json(event), owner, now);
        outbox.enqueue(List.of(delivery), now.plus(DeliveryWorker.LEASE));
        dueNow.run();
        return new Queued(event.id(), delivery.id());
    }
}
