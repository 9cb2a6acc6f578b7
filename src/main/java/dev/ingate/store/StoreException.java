package dev.ingate.store;

import java.sql.SQLException;

/** A database failure, unchecked so that store interfaces stay free of {@link SQLException}. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Wraps a driver error, keeping a unique-constraint violation recognisable as {@link DuplicateException}. */
    static StoreException of(String what, SQLException e) {
        return SqlErrors.isUniqueViolation(e) ? new DuplicateException(what + ": already exists", e)
                : new StoreException(what + ": " + e.getMessage(), e);
    }
}
