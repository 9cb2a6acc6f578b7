package dev.ingate.webhook;

import dev.ingate.secrets.RandomSecrets;

import java.time.Instant;
import java.util.Map;

/** An event as published, waiting for the delivery thread: nothing is serialised or stored on the publisher's thread. */
record QueuedEvent(String id, String type, Instant createdAt, Map<String, Object> data) {

    /** A new event, now, with a copy of {@code data} (null for none). */
    static QueuedEvent of(String type, Map<String, Object> data) {
        return new QueuedEvent("evt_" + RandomSecrets.base62(20), type, Instant.now(), data == null ? Map.of() : Map.copyOf(data));
    }
}
