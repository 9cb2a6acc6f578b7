package dev.ingate.webhook;

import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** The body of a delivery: {@code {"id":"evt_…","type":"key.created","created_at":"…ISO…","data":{…}}}. */
final class EventPayload {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventPayload() {
    }

    static String json(QueuedEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.id());
        body.put("type", event.type());
        body.put("created_at", event.createdAt().toString());
        body.put("data", event.data());
        return JSON.writeValueAsString(body);
    }
}
