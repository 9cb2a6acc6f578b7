package dev.ingate.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a newest-first page ended: the last row's (created_at, id). The next page seeks below it in the index
 * (keyset paging), the request list's cursor style. Opaque to clients: URL-safe base64 of {@code <millis>:<id>}.
 */
record KeysetCursor(long createdAt, String id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((createdAt + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when {@code text} is not a cursor this class made */
    static KeysetCursor decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            if (colon <= 0 || colon == plain.length() - 1) {
                throw new IllegalArgumentException("invalid cursor");
            }
            return new KeysetCursor(Long.parseLong(plain.substring(0, colon)), plain.substring(colon + 1));
        } catch (IllegalArgumentException e) {   // bad base64 and NumberFormatException alike
            throw new IllegalArgumentException("invalid cursor", e);
        }
    }
}
