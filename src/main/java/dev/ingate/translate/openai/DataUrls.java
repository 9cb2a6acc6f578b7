package dev.ingate.translate.openai;

import dev.ingate.translate.canonical.ImageSource;

/** OpenAI (Chat Completions and Responses) carries inline images as {@code data:<media type>;base64,<data>} URLs. */
public final class DataUrls {

    private static final String PREFIX = "data:";
    private static final String BASE64_MARK = ";base64,";

    private DataUrls() {
    }

    public static ImageSource decode(String url) {
        if (url.startsWith(PREFIX)) {
            int mark = url.indexOf(BASE64_MARK);
            if (mark > 0) {
                return new ImageSource.Base64(url.substring(PREFIX.length(), mark), url.substring(mark + BASE64_MARK.length()));
            }
        }
        return new ImageSource.Url(url);
    }

    public static String encode(ImageSource source) {
        return switch (source) {
            case ImageSource.Url url -> url.url();
            case ImageSource.Base64 inline -> PREFIX + inline.mediaType() + BASE64_MARK + inline.data();
        };
    }
}
