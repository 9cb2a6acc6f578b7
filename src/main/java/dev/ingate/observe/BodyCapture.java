package dev.ingate.observe;

import dev.ingate.observe.record.CapturedBody;
import dev.ingate.observe.record.RequestBodies;
import io.vertx.core.buffer.Buffer;

/**
 * The bodies of one exchange, captured for the request log when {@code recording.capture_bodies} is on: the request
 * as the client sent it (a reference to the buffer the gateway keeps anyway, copied only at the end and only up to
 * the limit) and the response as the upstream sent it, copied chunk by chunk as it is relayed until the limit is
 * reached and then only counted as cut. A stream is never held whole. Compressed answers are kept compressed
 * (inflating them on the request path would cost an inflater per answer); the request log inflates them when read.
 *
 * <p>Used on the exchange's event loop only.
 */
public final class BodyCapture {

    private static final int FIRST_CAPACITY = 4096;

    private final Buffer requestBody;
    private final String requestEncoding;
    private final int maxBytes;
    /** Applied to each text body as it is stored (guardrails' PII redaction); never to the bytes relayed. */
    private final java.util.function.UnaryOperator<String> redactor;

    private boolean responseSeen;
    private String responseEncoding;
    private byte[] response;
    private int responseLength;
    private boolean responseTruncated;

    /**
     * @param requestBody     the whole request body, as read (not copied here; it must not change afterwards)
     * @param requestEncoding the request's Content-Encoding, null when none
     * @param maxBytes        the most bytes kept of each body
     */
    public BodyCapture(Buffer requestBody, String requestEncoding, long maxBytes) {
        this(requestBody, requestEncoding, maxBytes, java.util.function.UnaryOperator.identity());
    }

    /** @param redactor what a text body becomes before it is stored */
    public BodyCapture(Buffer requestBody, String requestEncoding, long maxBytes, java.util.function.UnaryOperator<String> redactor) {
        this.requestBody = requestBody;
        this.requestEncoding = requestEncoding;
        this.maxBytes = (int) Math.min(Math.max(0, maxBytes), Integer.MAX_VALUE - 16);
        this.redactor = redactor;
    }

    /** An upstream answer begins; an earlier attempt's answer (one that was not relayed after all) is dropped. */
    public void responseStarted(String contentEncoding) {
        responseSeen = true;
        responseEncoding = contentEncoding;
        responseLength = 0;
        responseTruncated = false;
    }

    /** The next bytes of the answer, as the relay passed them on. */
    public void responseChunk(Buffer bytes) {
        if (!responseSeen || bytes == null || bytes.length() == 0) {
            return;
        }
        int room = maxBytes - responseLength;
        int take = Math.min(room, bytes.length());
        if (take < bytes.length()) {
            responseTruncated = true;
        }
        if (take <= 0) {
            return;
        }
        ensureCapacity(responseLength + take);
        bytes.getBytes(0, take, response, responseLength);
        responseLength += take;
    }

    /** What was captured, in the stored form; called once, when the exchange is over. */
    public RequestBodies bodies() {
        return new RequestBodies(redacted(request()), redacted(response()));
    }

    private CapturedBody request() {
        if (requestBody == null) {
            return null;
        }
        int length = Math.min(maxBytes, requestBody.length());
        return CapturedBody.of(requestBody.getBytes(0, length), length, requestBody.length() > length, requestEncoding);
    }

    private CapturedBody response() {
        if (!responseSeen) {
            return null;
        }
        byte[] bytes = response == null ? new byte[0] : response;
        return CapturedBody.of(bytes, responseLength, responseTruncated, responseEncoding);
    }

    private CapturedBody redacted(CapturedBody body) {
        return body == null || body.encoding() != null ? body : new CapturedBody(redactor.apply(body.text()), null, body.truncated());
    }

    /** Grows by doubling up to the limit: a short answer never costs a buffer of max_body_size. */
    private void ensureCapacity(int needed) {
        if (response != null && response.length >= needed) {
            return;
        }
        int capacity = response == null ? Math.min(maxBytes, FIRST_CAPACITY) : response.length;
        while (capacity < needed) {
            capacity = (int) Math.min(maxBytes, capacity * 2L);
        }
        response = response == null ? new byte[capacity] : java.util.Arrays.copyOf(response, capacity);
    }
}
