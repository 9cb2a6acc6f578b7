package dev.ingate.webhook;

import java.util.List;
import java.util.Optional;

/** Webhook subscriptions, persisted. Blocking: never call on an event loop. */
public interface WebhookStore {

    /** Oldest first. */
    List<Webhook> list();

    Optional<Webhook> get(String id);

    void insert(Webhook webhook);

    /** Replaces url, events, secret, enabled, origin, file hash and updated_at; false if absent. */
    boolean update(Webhook webhook);

    /** Deletes the webhook and its pending deliveries (its delivery log stays); false if absent. */
    boolean delete(String id);
}
