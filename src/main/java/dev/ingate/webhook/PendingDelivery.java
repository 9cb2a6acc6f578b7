package dev.ingate.webhook;

import dev.ingate.secrets.RandomSecrets;

import java.time.Instant;

/**
 * One event still to be delivered to one webhook.
 *
 * @param id       the delivery id, sent as {@code X-Ingate-Delivery}: the same on every retry, so receivers can dedupe
 * @param payload  the exact body, sent and signed alike on every attempt
 * @param attempts attempts made so far
 * @param owner    the instance that delivers it (the one that produced the event, unless that one is gone)
 */
public record PendingDelivery(String id, String webhookId, String eventId, String eventType, String payload, int attempts,
                              Instant nextAttemptAt, String owner, Instant createdAt) {

    /** A new delivery of {@code event} to {@code webhookId}, due at once. */
    static PendingDelivery first(String webhookId, QueuedEvent event, String payload, String owner, Instant now) {
        return new PendingDelivery("dlv_" + RandomSecrets.base62(20), webhookId, event.id(), event.type(), payload, 0, now, owner, now);
    }
}
