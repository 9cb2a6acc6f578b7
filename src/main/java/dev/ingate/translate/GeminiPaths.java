package dev.ingate.translate;

/** Gemini names the model in the path ({@code /v1beta/models/{model}:generateContent}), not in the body. */
public final class GeminiPaths {

    private GeminiPaths() {
    }

    public static String withModel(String path, String model) {
        int start = path.lastIndexOf("/models/") + "/models/".length();
        int end = path.lastIndexOf(':');
        return start < "/models/".length() || end < start ? path : path.substring(0, start) + model + path.substring(end);
    }

    /** The model a Gemini path names, or null. */
    public static String model(String path) {
        int start = path.lastIndexOf("/models/");
        int end = path.lastIndexOf(':');
        return start < 0 || end < start + 8 ? null : path.substring(start + 8, end);
    }
}
