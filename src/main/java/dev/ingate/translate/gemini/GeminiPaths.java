package dev.ingate.translate.gemini;

import dev.ingate.translate.ShapeCodec.UpstreamTarget;
import dev.ingate.translate.TranslationException;

/** Gemini names the model and the streaming mode in the path: {@code /v1beta/models/{model}:streamGenerateContent}. */
final class GeminiPaths {

    private static final String MODELS = "/models/";
    private static final String GENERATE = "generateContent";
    private static final String STREAM = "streamGenerateContent";

    private GeminiPaths() {
    }

    record Call(String model, boolean stream) {
    }

    /** Any version segment; a query string (a client's {@code ?alt=sse}) is ignored. */
    static Call parse(String path) {
        String bare = path.replaceFirst("[?#].*$", "");
        int models = bare.indexOf(MODELS);
        int colon = bare.lastIndexOf(':');
        if (models < 0 || colon < models) {
            throw new TranslationException("not a Gemini model path: " + path);
        }
        String method = bare.substring(colon + 1);
        if (!method.equals(GENERATE) && !method.equals(STREAM)) {
            throw new TranslationException("not a generateContent path: " + path);
        }
        return new Call(bare.substring(models + MODELS.length(), colon), method.equals(STREAM));
    }

    /** {@code alt=sse} makes Gemini stream SSE frames instead of one JSON array written bit by bit. */
    static UpstreamTarget target(String model, boolean stream) {
        String base = "/v1beta/models/" + model + ":";
        return stream ? new UpstreamTarget(base + STREAM, "alt=sse") : new UpstreamTarget(base + GENERATE, "");
    }
}
