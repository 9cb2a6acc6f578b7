package dev.ingate.dispatch;

import dev.ingate.stream.Rewriter;
import dev.ingate.translate.canonical.CanonicalError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * Translates a whole (unstreamed) answer: the body is collected, and at its end decoded in the upstream's shape
 * and written in the caller's. An error answer becomes the caller's error envelope with the upstream's status
 * kept. Nothing reaches the client before the end, so a body that cannot be read can still become a clean 502.
 */
final class BodyTranslation implements Rewriter {

    /** A chat answer is kilobytes; this only stops a misbehaving upstream from filling the heap. */
    static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    private final Translation translation;
    private final HttpServerResponse client;
    private final String provider;
    private final java.util.function.Consumer<Buffer> clientTap;
    private final Buffer collected = Buffer.buffer();
    private boolean overflow;

    BodyTranslation(Translation translation, HttpServerResponse client, String provider, java.util.function.Consumer<Buffer> clientTap) {
        this.translation = translation;
        this.client = client;
        this.provider = provider;
        this.clientTap = clientTap;
    }

    @Override
    public Buffer apply(Buffer chunk) {
        if (!overflow) {
            if (collected.length() + chunk.length() > MAX_BODY_BYTES) {
                overflow = true;
            } else {
                collected.appendBuffer(chunk);
            }
        }
        return Buffer.buffer(0);
    }

    @Override
    public boolean answersWhole() {
        return true;
    }

    @Override
    public Buffer finish() {
        Buffer out = Buffer.buffer(render());
        client.putHeader(io.vertx.core.http.HttpHeaders.CONTENT_LENGTH, String.valueOf(out.length()));
        clientTap.accept(out);
        return out;
    }

    private String render() {
        int status = client.getStatusCode();
        String body = collected.toString(java.nio.charset.StandardCharsets.UTF_8);
        if (status >= 400) {
            return translation.caller().encodeError(translation.upstream().decodeError(status, body));
        }
        if (overflow) {
            return unreadable("the answer is larger than " + MAX_BODY_BYTES + " bytes");
        }
        try {
            return translation.caller().encodeResponse(translation.upstream().decodeResponse(body), translation.callerRequest()).json();
        } catch (RuntimeException e) {
            return unreadable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** The upstream said 2xx but sent something its shape does not allow: the caller gets a 502, not garbage. */
    private String unreadable(String detail) {
        client.setStatusCode(502);
        return translation.caller().encodeError(new CanonicalError(502, "api_error",
                "Provider '" + provider + "' sent an answer that could not be translated: " + detail));
    }
}
