package dev.ingate.translate.ollama;

import dev.ingate.translate.canonical.ImageSource;

/**
 * Ollama images are bare base64 with no media type, which Anthropic and OpenAI need: it is read from the first
 * bytes (each format's magic number, as base64). A data URL, which some clients send anyway, is taken apart.
 */
final class Images {

    private static final String DATA_PREFIX = "data:";
    private static final String BASE64_MARK = ";base64,";

    private Images() {
    }

    static ImageSource.Base64 decode(String image) {
        if (image.startsWith(DATA_PREFIX)) {
            int mark = image.indexOf(BASE64_MARK);
            if (mark > 0) {
                return new ImageSource.Base64(image.substring(DATA_PREFIX.length(), mark), image.substring(mark + BASE64_MARK.length()));
            }
        }
        return new ImageSource.Base64(mediaType(image), image);
    }

    static String mediaType(String base64) {
        if (base64.startsWith("/9j/")) {
            return "image/jpeg";
        }
        if (base64.startsWith("R0lGOD")) {
            return "image/gif";
        }
        if (base64.startsWith("UklGR")) {
            return "image/webp";
        }
        // PNG ("iVBORw0KGgo"), and the guess for anything unrecognised: the format most vision models are shown.
        return "image/png";
    }
}
