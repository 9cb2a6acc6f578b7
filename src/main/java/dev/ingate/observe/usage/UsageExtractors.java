package dev.ingate.observe.usage;

import io.vertx.core.buffer.Buffer;

import java.util.Locale;

/** Picks the usage extractor for a response by its API shape (from the path called) and its framing. */
public final class UsageExtractors {

    private UsageExtractors() {
    }

    /**
     * The extractor for the response to a call of {@code ingressPath} (query string allowed) arriving with
     * {@code contentType}. The path says the shape, since the bytes the caller gets are in the shape it
     * called (translated or not); the content type says the framing: {@code text/event-stream} is read event
     * by event, NDJSON line by line, anything else as one JSON body. A path of no known shape gets
     * {@link #none()}. Never throws.
     */
    public static UsageExtractor forResponse(String ingressPath, String contentType) {
        try {
            ShapeReader reader = readerFor(ingressPath);
            if (reader == null) {
                return none();
            }
            return switch (framing(contentType)) {
                case SSE -> new StreamExtractor(reader, new SseSplitter());
                case NDJSON -> new StreamExtractor(reader, new NdjsonSplitter());
                case BODY -> new BodyExtractor(reader);
            };
        } catch (RuntimeException e) {
            return none();
        }
    }

    /**
     * Like {@link #forResponse(String, String)} for a body sent with {@code contentEncoding}: gzip and
     * deflate are inflated on the side; other encodings (br, zstd) cannot be read and give {@link #none()}.
     */
    public static UsageExtractor forResponse(String ingressPath, String contentType, String contentEncoding) {
        if (contentEncoding == null || contentEncoding.isBlank() || contentEncoding.trim().equalsIgnoreCase("identity")) {
            return forResponse(ingressPath, contentType);
        }
        io.netty.handler.codec.compression.ZlibWrapper wrapper = DecompressingExtractor.wrapperFor(contentEncoding);
        UsageExtractor inner = forResponse(ingressPath, contentType);
        return wrapper == null || inner == none() ? none() : new DecompressingExtractor(inner, wrapper);
    }

    /** An extractor that finds nothing, for responses with no usage to read. */
    public static UsageExtractor none() {
        return Nothing.INSTANCE;
    }

    static ShapeReader readerFor(String ingressPath) {
        if (ingressPath == null) {
            return null;
        }
        String path = pathOnly(ingressPath);
        // Gemini puts the model and the method in the last segment: /v1beta/models/gemini-2.5-flash:generateContent
        if (path.endsWith(":generateContent") || path.endsWith(":streamGenerateContent")) {
            return GeminiReader.INSTANCE;
        }
        switch (path) {
            case "/api/chat", "/api/generate", "/api/embed", "/api/embeddings" -> {
                return OllamaReader.INSTANCE;
            }
            default -> {
            }
        }
        // suffixes, so that prefixed deployments (/openai/v1/…, Azure's /openai/deployments/x/…) are read too
        if (path.endsWith("/chat/completions") || path.endsWith("/completions") || path.endsWith("/embeddings")) {
            return OpenAiReader.INSTANCE;
        }
        if (path.endsWith("/responses") || path.contains("/responses/") && !path.endsWith("/input_items")) {
            return ResponsesReader.INSTANCE; // also GET /v1/responses/{id}, which returns the response object
        }
        if (path.endsWith("/messages") && !path.contains("/threads/")) {
            return AnthropicReader.INSTANCE; // not OpenAI's Assistants thread messages
        }
        return null;
    }

    private static String pathOnly(String path) {
        int cut = path.length();
        int query = path.indexOf('?');
        if (query >= 0) {
            cut = query;
        }
        int fragment = path.indexOf('#');
        if (fragment >= 0 && fragment < cut) {
            cut = fragment;
        }
        while (cut > 1 && path.charAt(cut - 1) == '/') {
            cut--;
        }
        return path.substring(0, cut);
    }

    private enum Framing { SSE, NDJSON, BODY }

    /**
     * As the relay frames (dev.ingate.stream.Framing), restated here so that the relay can feed this package
     * without a package cycle.
     */
    private static Framing framing(String contentType) {
        if (contentType == null) {
            return Framing.BODY;
        }
        String type = contentType.trim().toLowerCase(Locale.ROOT);
        if (type.startsWith("text/event-stream")) {
            return Framing.SSE;
        }
        if (type.startsWith("application/x-ndjson") || type.startsWith("application/ndjson") || type.startsWith("application/jsonl")
                || type.startsWith("application/json-seq") || type.startsWith("application/stream+json")) {
            return Framing.NDJSON;
        }
        return Framing.BODY;
    }

    /** Finds nothing, costs nothing. */
    private enum Nothing implements UsageExtractor {
        INSTANCE;

        @Override
        public void onChunk(Buffer bytes) {
        }

        @Override
        public boolean sawFirstToken() {
            return false;
        }

        @Override
        public UsageFacts finish() {
            return UsageFacts.NONE;
        }
    }
}
