package dev.ingate.webhook;

import java.time.Instant;

/**
 * One line of the delivery log: one attempt to deliver one event to one webhook.
 *
 * @param statusCode the receiver's HTTP status, null when no answer came (then {@code error} says why)
 * @param outcome    {@link #DELIVERED}, {@link #RETRYING} (then {@code nextRetryAt} is set) or {@link #FAILED} (gave up)
 */
public record DeliveryAttempt(String id, String deliveryId, String webhookId, String eventId, String eventType, int attempt,
                              Integer statusCode, String error, String outcome, Instant createdAt, Instant nextRetryAt) {

    public static final String DELIVERED = "delivered";
    public static final String RETRYING = "retrying";
    public static final String FAILED = "failed";
}
