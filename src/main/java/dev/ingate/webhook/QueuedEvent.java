package dev.ingate.webhook;

import java.time.Instant;
import java.util.Map;

/** An event as published, waiting for the delivery thread: nothing is serialised or stored on the publisher's thread. */
record QueuedEvent(String id, String type, Instant createdAt, Map<String, Object> data) {
}
