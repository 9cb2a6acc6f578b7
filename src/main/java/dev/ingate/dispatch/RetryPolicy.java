package dev.ingate.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.random.RandomGenerator;

/**
 * When to try the same provider again: after exponential backoff with full jitter (so retrying callers spread
 * out instead of hitting a recovering provider together), or after the provider's {@code Retry-After} when it
 * sent one. A wait longer than {@code maxBackoff} is not worth it: the request moves on to the next target.
 */
record RetryPolicy(int maxRetries, Duration backoff, Duration maxBackoff) {

    /** SPEC section 3's retryable statuses, and Anthropic's 529 "overloaded", which means the same. */
    static boolean retryableStatus(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504 || status == 529;
    }

    /**
     * Milliseconds to wait before retry number {@code retry} (1-based), or -1 when the wait would exceed the
     * maximum. {@code retryAfter} is the header's value, or null.
     */
    long delayMillis(int retry, String retryAfter, RandomGenerator random, Instant now) {
        long max = maxBackoff.toMillis();
        long asked = retryAfterMillis(retryAfter, now);
        if (asked >= 0) {
            return asked <= max ? asked : -1;
        }
        long ceiling = Math.min(max, backoff.toMillis() << Math.min(retry - 1, 20));
        return ceiling <= 0 ? 0 : random.nextLong(ceiling + 1);
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date (RFC 9110 10.2.3); -1 when absent or unreadable. */
    static long retryAfterMillis(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        String trimmed = value.trim();
        try {
            double seconds = Double.parseDouble(trimmed);   // some providers send fractions ("0.5")
            return seconds < 0 ? -1 : (long) Math.ceil(seconds * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Math.max(0, Duration.between(now, at).toMillis());
            } catch (DateTimeParseException notDate) {
                return -1;
            }
        }
    }
}
