package dev.ingate.translate.gemini;

import dev.ingate.translate.Encoded;
import dev.ingate.translate.ErrorBodies;
import dev.ingate.translate.Json;
import dev.ingate.translate.ShapeCodec;
import dev.ingate.translate.StreamDecoder;
import dev.ingate.translate.StreamEncoder;
import dev.ingate.translate.TranslationException;
import dev.ingate.translate.canonical.CanonicalError;
import dev.ingate.translate.canonical.CanonicalRequest;
import dev.ingate.translate.canonical.CanonicalResponse;
import dev.ingate.translate.canonical.Shape;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Google Gemini {@code generateContent} and {@code streamGenerateContent} ({@code /v1beta/models/{model}:…}). */
public final class GeminiCodec implements ShapeCodec {

    @Override
    public Shape shape() {
        return Shape.GEMINI;
    }

    @Override
    public CanonicalRequest decodeRequest(String path, String json) {
        return GeminiRequestDecoder.decode(path, json);
    }

    @Override
    public Encoded encodeRequest(CanonicalRequest request, int defaultMaxTokens) {
        return GeminiRequestEncoder.encode(request);
    }

    @Override
    public UpstreamTarget upstreamTarget(CanonicalRequest request) {
        return GeminiPaths.target(request.model(), request.stream());
    }

    @Override
    public CanonicalResponse decodeResponse(String json) {
        return GeminiResponseDecoder.decode(json);
    }

    @Override
    public Encoded encodeResponse(CanonicalResponse response, CanonicalRequest request) {
        return GeminiResponseEncoder.encode(response);
    }

    @Override
    public StreamDecoder streamDecoder() {
        return new GeminiStreamDecoder();
    }

    @Override
    public StreamEncoder streamEncoder(CanonicalRequest request) {
        return new GeminiStreamEncoder();
    }

    @Override
    public String streamContentType() {
        return "text/event-stream";
    }

    /** Without {@code alt=sse}, streamGenerateContent wraps its error in a one-element array; it is unwrapped. */
    @Override
    public CanonicalError decodeError(int status, String body) {
        String unwrapped = body;
        if (body != null && body.strip().startsWith("[")) {
            try {
                JsonNode first = Json.parse(body).path(0);
                unwrapped = first.isObject() ? Json.write(first) : body;
            } catch (TranslationException notJson) {
                // ErrorBodies makes do with the text.
            }
        }
        return ErrorBodies.read(status, unwrapped, ErrorStatuses::decode);
    }

    /** {@code code} is the HTTP status, as in Gemini's own errors; {@code status} its google.rpc name. */
    @Override
    public String encodeError(CanonicalError error) {
        ObjectNode root = Json.object();
        root.putObject("error").put("code", error.status()).put("message", error.message())
                .put("status", ErrorStatuses.encode(error.type()));
        return Json.write(root);
    }
}
