package dev.ingate.webhook;

import dev.ingate.config.Origin;

import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription as the database holds it: where events go, which events, and the signing secret sealed
 * under the master key (associated data: the webhook id), never in clear.
 *
 * @param events event names, or {@code "*"} for every event
 * @param fileHash for webhooks from the config file, a hash of the file entry last applied; null otherwise
 */
public record Webhook(String id, String url, List<String> events, byte[] sealedSecret, boolean enabled, Origin origin, String fileHash,
                      Instant createdAt, Instant updatedAt) {

    public static final String ALL_EVENTS = "*";

    public Webhook {
        events = List.copyOf(events);
    }

    public boolean wants(String eventType) {
        return enabled && (events.contains(ALL_EVENTS) || events.contains(eventType));
    }
}
