package dev.ingate.translate.canonical;

/** Where an image comes from. */
public sealed interface ImageSource {

    record Url(String url) implements ImageSource {
    }

    /** {@code data} is the base64 text as sent, never decoded: the gateway only moves it. */
    record Base64(String mediaType, String data) implements ImageSource {
    }
}
