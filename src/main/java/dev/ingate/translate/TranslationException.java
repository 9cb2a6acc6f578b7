package dev.ingate.translate;

/** The input is not a request, response or event of the shape it claims to be. */
public final class TranslationException extends RuntimeException {

    public TranslationException(String message) {
        super(message);
    }

    public TranslationException(String message, Throwable cause) {
        super(message, cause);
    }
}
