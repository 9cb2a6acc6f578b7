package dev.ingate.dispatch;

import dev.ingate.stream.WholeBodyRewriter;
import dev.ingate.translate.canonical.CanonicalError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Translates a whole (unstreamed) answer: decoded in the upstream's shape and written in the caller's. An error
 * answer becomes the caller's error envelope with the upstream's status kept; a 2xx body the upstream's shape
 * does not allow becomes a clean 502 rather than garbage.
 */
final class BodyTranslation extends WholeBodyRewriter {

    private final Translation translation;
    private final String provider;
    private final Consumer<Buffer> clientTap;

    BodyTranslation(Translation translation, HttpServerResponse client, String provider, Consumer<Buffer> clientTap) {
        super(client);
        this.translation = translation;
        this.provider = provider;
        this.clientTap = clientTap;
    }

    @Override
    protected Buffer render(Buffer collected, boolean overflow, HttpServerResponse client) {
        int status = client.getStatusCode();
        String body = collected.toString(StandardCharsets.UTF_8);
        if (status >= 400) {
            return Buffer.buffer(translation.caller().encodeError(translation.upstream().decodeError(status, body)));
        }
        if (overflow) {
            return unreadable(client, "the answer is larger than " + MAX_BODY_BYTES + " bytes");
        }
        try {
            return Buffer.buffer(translation.caller().encodeResponse(translation.upstream().decodeResponse(body),
                    translation.callerRequest()).json());
        } catch (RuntimeException e) {
            return unreadable(client, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    @Override
    protected void sent(Buffer out) {
        clientTap.accept(out);
    }

    private Buffer unreadable(HttpServerResponse client, String detail) {
        client.setStatusCode(502);
        return Buffer.buffer(translation.caller().encodeError(new CanonicalError(502, "api_error",
                "Provider '" + provider + "' sent an answer that could not be translated: " + detail)));
    }
}
