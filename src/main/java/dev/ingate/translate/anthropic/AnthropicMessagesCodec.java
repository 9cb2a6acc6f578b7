package dev.ingate.translate.anthropic;

import dev.ingate.translate.Encoded;
import dev.ingate.translate.ErrorBodies;
import dev.ingate.translate.Json;
import dev.ingate.translate.ShapeCodec;
import dev.ingate.translate.StreamDecoder;
import dev.ingate.translate.StreamEncoder;
import dev.ingate.translate.canonical.CanonicalError;
import dev.ingate.translate.canonical.CanonicalRequest;
import dev.ingate.translate.canonical.CanonicalResponse;
import dev.ingate.translate.canonical.Shape;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/** Anthropic Messages ({@code POST /v1/messages}). */
public final class AnthropicMessagesCodec implements ShapeCodec {

    public static final String PATH = "/v1/messages";

    private static final Set<String> ERROR_TYPES = Set.of("invalid_request_error", "authentication_error", "permission_error",
            "not_found_error", "request_too_large", "rate_limit_error", "api_error", "overloaded_error", "billing_error",
            "timeout_error");

    @Override
    public Shape shape() {
        return Shape.ANTHROPIC_MESSAGES;
    }

    @Override
    public CanonicalRequest decodeRequest(String path, String json) {
        return AnthropicRequestDecoder.decode(json);
    }

    @Override
    public Encoded encodeRequest(CanonicalRequest request, int defaultMaxTokens) {
        return AnthropicRequestEncoder.encode(request, defaultMaxTokens);
    }

    @Override
    public UpstreamTarget upstreamTarget(CanonicalRequest request) {
        return new UpstreamTarget(PATH, "");
    }

    @Override
    public CanonicalResponse decodeResponse(String json) {
        return AnthropicResponseDecoder.decode(json);
    }

    @Override
    public Encoded encodeResponse(CanonicalResponse response, CanonicalRequest request) {
        return AnthropicResponseEncoder.encode(response);
    }

    @Override
    public StreamDecoder streamDecoder() {
        return new AnthropicEventDecoder();
    }

    @Override
    public StreamEncoder streamEncoder(CanonicalRequest request) {
        return new AnthropicEventEncoder();
    }

    @Override
    public String streamContentType() {
        return "text/event-stream";
    }

    @Override
    public CanonicalError decodeError(int status, String body) {
        return ErrorBodies.read(status, body, type -> ERROR_TYPES.contains(type) ? type : null);
    }

    @Override
    public String encodeError(CanonicalError error) {
        ObjectNode root = Json.object();
        root.put("type", "error");
        root.putObject("error").put("type", ERROR_TYPES.contains(error.type()) ? error.type() : "api_error")
                .put("message", error.message());
        return Json.write(root);
    }
}
