package dev.ingate.observe.record;

/**
 * The captured bodies of one request ({@code recording.capture_bodies}), carried with its {@link RequestRecord} into
 * the {@code request_bodies} table. Either part is null when it was not captured: no request body when the request
 * was refused before it was read, no response body when no upstream answered.
 */
public record RequestBodies(CapturedBody request, CapturedBody response) {

    /** Characters held, to bound the memory that queued records' bodies take. */
    long chars() {
        return length(request) + length(response);
    }

    private static long length(CapturedBody body) {
        return body == null || body.text() == null ? 0 : body.text().length();
    }
}
