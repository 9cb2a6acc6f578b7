package dev.ingate.config;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code retries:} and {@code circuit_breaker:} of the config file (not in the admin API): how the dispatcher retries
 * one provider before it falls back, and when it stops trying a provider for a while.
 *
 * @param maxRetries      extra attempts on the same provider after a retryable failure, before falling back; 0 = none
 * @param backoff         wait before the first retry; each further retry doubles it
 * @param maxBackoff      the doubling stops here
 * @param breakerFailures consecutive retryable failures that open a provider's circuit; 0 = no circuit breaker
 * @param breakerCooldown how long an open circuit skips its provider before one request may try it again
 */
public record DispatchSettings(int maxRetries, Duration backoff, Duration maxBackoff, int breakerFailures, Duration breakerCooldown) {

    public DispatchSettings {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(breakerCooldown, "breakerCooldown");
        if (maxRetries < 0 || breakerFailures < 0) {
            throw new IllegalArgumentException("retries and breaker failures cannot be negative");
        }
    }

    public static DispatchSettings defaults() {
        return new DispatchSettings(0, Duration.ofMillis(250), Duration.ofSeconds(8), 5, Duration.ofSeconds(30));
    }

    public boolean breakerEnabled() {
        return breakerFailures > 0;
    }
}
