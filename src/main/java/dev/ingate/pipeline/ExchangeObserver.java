package dev.ingate.pipeline;

/**
 * Told once when an exchange is over, whatever the outcome: answered, refused, failed upstream, cut,
 * or abandoned by the client. Called on the event loop: implementations must not block.
 */
@FunctionalInterface
public interface ExchangeObserver {

    ExchangeObserver NONE = ex -> { };

    void finished(Exchange ex);

    /** This observer, then {@code next}; a failure in one does not keep the other from hearing of it. */
    default ExchangeObserver andThen(ExchangeObserver next) {
        return ex -> {
            try {
                finished(ex);
            } finally {
                next.finished(ex);
            }
        };
    }
}
