package dev.ingate.testkit;

/** A provider's wire format: its default answers and its error envelope. */
interface Dialect {

    /** The normal answer to this request; unknown paths get a 404 in the provider's envelope. */
    Answer answer(MockProvider.Recorded request);

    /** An error in the provider's own envelope. */
    Answer error(int status, String message);

    /** A 429 in the provider's own envelope, with retry-after. */
    Answer rateLimited();

    /**
     * In strict mode, checked before {@link #answer}: the error the real API gives for a request it
     * refuses (in its own envelope), or null when the real API would accept it.
     */
    default Answer reject(MockProvider.Recorded request) {
        return null;
    }
}
