package dev.ingate.admin;

import dev.ingate.observe.record.CapturedBody;
import dev.ingate.observe.record.RequestBodies;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * The captured bodies on {@code GET /api/v1/requests/{id}} (never on the list: pages stay slim):
 * {@code request_body} and {@code response_body} as strings, null when not captured or pruned;
 * {@code body_truncated} {@code {"request":…,"response":…}} when the limit cut them; and {@code body_encoding},
 * null for text, else {@code "base64"} (bytes that are not UTF-8) or a Content-Encoding that could not be inflated
 * (br, zstd), the string then being base64. The two objects are null when nothing was captured.
 */
final class RequestBodyView {

    private RequestBodyView() {
    }

    static void addTo(ObjectNode node, Optional<RequestBodies> captured) {
        CapturedBody request = captured.map(RequestBodies::request).orElse(null);
        CapturedBody response = captured.map(RequestBodies::response).orElse(null);
        node.put("request_body", request == null ? null : request.text());
        node.put("response_body", response == null ? null : response.text());
        if (captured.isEmpty()) {
            node.putNull("body_truncated");
            node.putNull("body_encoding");
            return;
        }
        ObjectNode truncated = node.putObject("body_truncated");
        truncated.put("request", request != null && request.truncated());
        truncated.put("response", response != null && response.truncated());
        ObjectNode encoding = node.putObject("body_encoding");
        encoding.put("request", request == null ? null : request.encoding());
        encoding.put("response", response == null ? null : response.encoding());
    }
}
