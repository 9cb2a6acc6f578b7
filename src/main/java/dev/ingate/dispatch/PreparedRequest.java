package dev.ingate.dispatch;

import io.vertx.core.buffer.Buffer;

import java.util.List;

/**
 * What one attempt sends: the body, the path and query on the upstream, and, when the request was translated,
 * how to translate the answer back and which parameters had no equivalent there.
 *
 * @param query       the query string without {@code ?}; null for the caller's own
 * @param translation null when the request goes through in the caller's shape
 */
record PreparedRequest(Buffer body, String path, String query, Translation translation, List<String> droppedParams) {

    boolean translated() {
        return translation != null;
    }
}
