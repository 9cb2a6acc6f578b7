package dev.ingate.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2));

    @Test
    void backoffGrowsExponentiallyWithFullJitterUnderTheCeiling() {
        Random random = new Random(7);
        for (int retry = 1; retry <= 6; retry++) {
            long ceiling = Math.min(2000, 100L << (retry - 1));
            for (int i = 0; i < 200; i++) {
                assertThat(policy.delayMillis(retry, null, random, NOW)).isBetween(0L, ceiling);
            }
        }
        long max = 0;
        for (int i = 0; i < 500; i++) {
            max = Math.max(max, policy.delayMillis(3, null, random, NOW));
        }
        assertThat(max).as("jitter spreads up to the ceiling").isGreaterThan(300);
    }

    @Test
    void retryAfterSecondsAndDatesAreHonoured() {
        assertThat(policy.delayMillis(1, "1", new Random(1), NOW)).isEqualTo(1000);
        assertThat(policy.delayMillis(1, "0.25", new Random(1), NOW)).isEqualTo(250);
        assertThat(policy.delayMillis(1, "Tue, 01 Dec 2026 10:00:01 GMT", new Random(1), NOW)).isEqualTo(1000);
    }

    @Test
    void aWaitLongerThanTheMaximumMeansMoveOn() {
        assertThat(policy.delayMillis(1, "30", new Random(1), NOW)).isEqualTo(-1);
    }

    @Test
    void unreadableRetryAfterFallsBackToBackoff() {
        assertThat(RetryPolicy.retryAfterMillis("soon", NOW)).isEqualTo(-1);
        assertThat(policy.delayMillis(1, "soon", new Random(1), NOW)).isBetween(0L, 100L);
    }

    @Test
    void retryableStatusesAreSpecsAndAnthropicsOverloaded() {
        assertThat(java.util.List.of(429, 500, 502, 503, 504, 529)).allMatch(RetryPolicy::retryableStatus);
        assertThat(java.util.List.of(200, 400, 401, 403, 404, 413, 422, 501)).noneMatch(RetryPolicy::retryableStatus);
    }
}
