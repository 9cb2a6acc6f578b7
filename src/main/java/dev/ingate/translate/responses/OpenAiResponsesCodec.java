package dev.ingate.translate.responses;

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
import java.time.Clock;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI Responses ({@code POST /v1/responses}), stateless use: a {@code previous_response_id} names a
 * conversation that only OpenAI holds, so it reaches a Responses upstream and is reported dropped for any other.
 * Errors use OpenAI's {@code {"error": {message, type, param, code}}} envelope.
 */
public final class OpenAiResponsesCodec implements ShapeCodec {

    public static final String PATH = "/v1/responses";

    private final Clock clock;
    private final ResponsesResponseEncoder responseEncoder;

    public OpenAiResponsesCodec(Clock clock) {
        this.clock = clock;
        this.responseEncoder = new ResponsesResponseEncoder(clock);
    }

    @Override
    public Shape shape() {
        return Shape.OPENAI_RESPONSES;
    }

    @Override
    public CanonicalRequest decodeRequest(String path, String json) {
        return ResponsesRequestDecoder.decode(json);
    }

    /** Responses needs no output limit, so the default is not written: the model's own applies, as the client expects. */
    @Override
    public Encoded encodeRequest(CanonicalRequest request, int defaultMaxTokens) {
        return ResponsesRequestEncoder.encode(request);
    }

    @Override
    public UpstreamTarget upstreamTarget(CanonicalRequest request) {
        return new UpstreamTarget(PATH, "");
    }

    @Override
    public CanonicalResponse decodeResponse(String json) {
        return ResponsesResponseDecoder.decode(json);
    }

    @Override
    public Encoded encodeResponse(CanonicalResponse response, CanonicalRequest request) {
        return responseEncoder.encode(response, request);
    }

    @Override
    public StreamDecoder streamDecoder() {
        return new ResponsesEventDecoder();
    }

    @Override
    public StreamEncoder streamEncoder(CanonicalRequest request) {
        return new ResponsesEventEncoder(request, clock);
    }

    @Override
    public String streamContentType() {
        return "text/event-stream";
    }

    @Override
    public CanonicalError decodeError(int status, String body) {
        return ErrorBodies.read(status, body, ErrorCodes::decodeType);
    }

    @Override
    public String encodeError(CanonicalError error) {
        ObjectNode root = Json.object();
        root.putObject("error").put("message", error.message()).put("type", ErrorCodes.encodeType(error.type()))
                .putNull("param").putNull("code");
        return Json.write(root);
    }
}
