package dev.ingate.store;

/** An insert hit a unique constraint (same id, same key hash): the admin API answers 409 rather than 500. */
public final class DuplicateException extends StoreException {

    public DuplicateException(String message, Throwable cause) {
        super(message, cause);
    }
}
