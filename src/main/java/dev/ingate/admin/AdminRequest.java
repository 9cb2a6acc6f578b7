package dev.ingate.admin;

import io.vertx.core.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** An admin call as the resources see it: method, path segments after {@code /api/v1}, query and JSON body. */
record AdminRequest(HttpMethod method, List<String> segments, Map<String, String> query, JsonNode body) {

    String segment(int i) {
        return i < segments.size() ? segments.get(i) : null;
    }

    /** The body as a JSON object, or a 400 naming what was wrong. */
    JsonNode objectBody() {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw AdminException.badRequest("a JSON object body is required");
        }
        if (!body.isObject()) {
            throw AdminException.badRequest("the body must be a JSON object");
        }
        return body;
    }
}
