package dev.ingate.estimate;

/** A body that is JSON but not something an estimate can be made of: the caller's mistake, a 400. */
public final class InvalidEstimateRequest extends RuntimeException {

    public InvalidEstimateRequest(String message) {
        super(message, null, false, false);
    }
}
