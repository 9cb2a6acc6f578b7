package dev.ingate.translate.openai;

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

/** OpenAI Chat Completions ({@code POST /v1/chat/completions}), spoken by OpenAI and every OpenAI-compatible server. */
public final class OpenAiChatCodec implements ShapeCodec {

    public static final String PATH = "/v1/chat/completions";

    private final Clock clock;
    private final OpenAiChatResponseEncoder responseEncoder;

    public OpenAiChatCodec(Clock clock) {
        this.clock = clock;
        this.responseEncoder = new OpenAiChatResponseEncoder(clock);
    }

    @Override
    public Shape shape() {
        return Shape.OPENAI_CHAT;
    }

    @Override
    public CanonicalRequest decodeRequest(String path, String json) {
        return OpenAiChatRequestDecoder.decode(json);
    }

    @Override
    public Encoded encodeRequest(CanonicalRequest request, int defaultMaxTokens) {
        return OpenAiChatRequestEncoder.encode(request);
    }

    @Override
    public UpstreamTarget upstreamTarget(CanonicalRequest request) {
        return new UpstreamTarget(PATH, "");
    }

    @Override
    public CanonicalResponse decodeResponse(String json) {
        return OpenAiChatResponseDecoder.decode(json);
    }

    @Override
    public Encoded encodeResponse(CanonicalResponse response, CanonicalRequest request) {
        return responseEncoder.encode(response);
    }

    @Override
    public StreamDecoder streamDecoder() {
        return new OpenAiChunkDecoder();
    }

    @Override
    public StreamEncoder streamEncoder(CanonicalRequest request) {
        return new OpenAiChunkEncoder(request.streamUsage(), clock);
    }

    @Override
    public String streamContentType() {
        return "text/event-stream";
    }

    @Override
    public CanonicalError decodeError(int status, String body) {
        return ErrorBodies.read(status, body, OpenAiChatCodec::canonicalType);
    }

    @Override
    public String encodeError(CanonicalError error) {
        ObjectNode root = Json.object();
        ObjectNode body = root.putObject("error");
        body.put("message", error.message());
        body.put("type", ErrorTypes.encode(error.type()));
        body.putNull("param");
        body.putNull("code");
        return Json.write(root);
    }

    /** The canonical type of an OpenAI error type, or null when the type says nothing the status does not. */
    private static String canonicalType(String openAiType) {
        String canonical = ErrorTypes.decode(openAiType);
        return canonical.equals("api_error") && !openAiType.equals("server_error") && !openAiType.equals("api_error") ? null : canonical;
    }
}
