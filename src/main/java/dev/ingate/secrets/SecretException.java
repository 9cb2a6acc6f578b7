package dev.ingate.secrets;

/**
 * A sealed secret could not be opened. Unchecked because the only sensible reaction is to report
 * the row as unreadable (usually a changed master key); messages never carry the secret or the key.
 */
public final class SecretException extends RuntimeException {

    public SecretException(String message) {
        super(message);
    }

    public SecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
