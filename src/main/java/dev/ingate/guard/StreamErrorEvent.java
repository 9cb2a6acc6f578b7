package dev.ingate.guard;

import dev.ingate.pipeline.ErrorEnvelope;
import dev.ingate.pipeline.IngateError;
import dev.ingate.provider.ApiShape;
import dev.ingate.stream.Framing;
import io.vertx.core.buffer.Buffer;

/**
 * The event that ends a stream a guardrail blocked, in the caller's grammar, so its SDK raises its usual error:
 * Anthropic's {@code event: error}, the Responses API's {@code error} event, an OpenAI-style {@code data:} error
 * object, or an Ollama error line.
 */
final class StreamErrorEvent {

    private StreamErrorEvent() {
    }

    static Buffer render(String path, ApiShape callerShape, Framing framing, IngateError error) {
        if (framing == Framing.NDJSON) {
            return ErrorEnvelope.render(callerShape, error).appendString("\n");
        }
        if (path.equals("/v1/responses")) {
            String json = "{\"type\":\"error\",\"code\":\"" + error.code() + "\",\"message\":" + quoted(error.message()) + ",\"param\":null}";
            return Buffer.buffer("event: error\ndata: " + json + "\n\n");
        }
        String envelope = ErrorEnvelope.render(callerShape, error).toString();
        return Buffer.buffer((callerShape == ApiShape.ANTHROPIC ? "event: error\n" : "") + "data: " + envelope + "\n\n");
    }

    private static String quoted(String text) {
        return "\"" + new String(tools.jackson.core.io.JsonStringEncoder.getInstance().quoteAsUTF8(text), java.nio.charset.StandardCharsets.UTF_8) + "\"";
    }
}
