package dev.ingate.dispatch;

import java.time.Duration;

/** How a request copes with failing providers: retries on the same one, and the circuit breaker's settings. */
record FailurePolicy(RetryPolicy retry, int breakerFailures, Duration breakerCooldown) {

    static FailurePolicy of(dev.ingate.config.DispatchSettings settings) {
        return new FailurePolicy(new RetryPolicy(settings.maxRetries(), settings.backoff(), settings.maxBackoff()),
                settings.breakerFailures(), settings.breakerCooldown());
    }
}
