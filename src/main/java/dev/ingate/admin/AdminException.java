package dev.ingate.admin;

import dev.ingate.pipeline.IngateError;

/** An admin request that cannot be done, with the status and a message naming the field at fault. */
public final class AdminException extends RuntimeException {

    private final IngateError.Kind kind;
    private final String code;

    AdminException(IngateError.Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    static AdminException badRequest(String message) {
        return new AdminException(IngateError.Kind.INVALID_REQUEST, "invalid_request", message);
    }

    static AdminException notFound(String message) {
        return new AdminException(IngateError.Kind.NOT_FOUND, "not_found", message);
    }

    static AdminException conflict(String message) {
        return new AdminException(IngateError.Kind.INVALID_REQUEST, "conflict", message);
    }

    IngateError toError() {
        return new IngateError(kind, code, getMessage());
    }

    int status() {
        return code.equals("conflict") ? 409 : kind.status;
    }
}
