package dev.ingate.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Deliveries not yet made, and the log of every attempt, persisted so that a restart resumes them. Each pending row
 * has an owner instance holding a lease it renews; only the owner delivers it, and another instance takes over only
 * rows whose lease has lapsed (their owner is gone). Blocking: never call on an event loop.
 */
public interface WebhookOutbox {

    void enqueue(List<PendingDelivery> deliveries, Instant leaseUntil);

    /** The owner's rows due by {@code now}, soonest first. */
    List<PendingDelivery> due(String owner, Instant now, int limit);

    /** When the owner's soonest row falls due; empty when it holds none. */
    Optional<Instant> nextDue(String owner);

    /**
     * Logs the attempt and, in the same transaction, moves the row on: a {@link DeliveryAttempt#RETRYING} attempt sets its
     * next attempt time, any other outcome removes it.
     */
    void record(PendingDelivery delivery, DeliveryAttempt attempt);

    /** Extends the lease of every row the owner holds. */
    void renew(String owner, Instant leaseUntil);

    /** Takes every row whose lease lapsed before {@code now}; returns how many. */
    int takeOver(String owner, Instant now, Instant leaseUntil);

    /** The delivery log of one webhook, newest first, keyset-paged like the request list. */
    Page attempts(String webhookId, int limit, String cursor);

    record Page(List<DeliveryAttempt> attempts, String nextCursor) {
    }
}
