package dev.ingate.translate.ollama;

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
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/** Ollama's native chat API ({@code POST /api/chat}), streamed as NDJSON. */
public final class OllamaChatCodec implements ShapeCodec {

    public static final String PATH = "/api/chat";

    private final Clock clock;
    private final Supplier<String> ids;
    private final OllamaResponseDecoder responseDecoder;
    private final OllamaResponseEncoder responseEncoder;

    public OllamaChatCodec(Clock clock) {
        this(clock, OllamaChatCodec::randomId);
    }

    /** @param ids unique, id-safe text on every call: Ollama answers and tool calls have no ids, so they are made */
    public OllamaChatCodec(Clock clock, Supplier<String> ids) {
        this.clock = clock;
        this.ids = ids;
        this.responseDecoder = new OllamaResponseDecoder(ids);
        this.responseEncoder = new OllamaResponseEncoder(clock);
    }

    /** 96 random bits: unique enough across every conversation, with no shared state between threads. */
    private static String randomId() {
        byte[] bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public Shape shape() {
        return Shape.OLLAMA_CHAT;
    }

    @Override
    public CanonicalRequest decodeRequest(String path, String json) {
        return OllamaRequestDecoder.decode(json);
    }

    @Override
    public Encoded encodeRequest(CanonicalRequest request, int defaultMaxTokens) {
        return OllamaRequestEncoder.encode(request);
    }

    @Override
    public UpstreamTarget upstreamTarget(CanonicalRequest request) {
        return new UpstreamTarget(PATH, "");
    }

    @Override
    public CanonicalResponse decodeResponse(String json) {
        return responseDecoder.decode(json);
    }

    @Override
    public Encoded encodeResponse(CanonicalResponse response, CanonicalRequest request) {
        return responseEncoder.encode(response);
    }

    @Override
    public StreamDecoder streamDecoder() {
        return new OllamaLineDecoder(ids);
    }

    @Override
    public StreamEncoder streamEncoder(CanonicalRequest request) {
        return new OllamaLineEncoder(clock);
    }

    @Override
    public String streamContentType() {
        return "application/x-ndjson";
    }

    /** Ollama errors are {@code {"error":"..."}} with no type: the status decides. */
    @Override
    public CanonicalError decodeError(int status, String body) {
        return ErrorBodies.read(status, body, type -> null);
    }

    @Override
    public String encodeError(CanonicalError error) {
        return Json.write(Json.object().put("error", error.message()));
    }
}
