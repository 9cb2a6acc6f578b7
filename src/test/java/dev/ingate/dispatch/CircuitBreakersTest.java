package dev.ingate.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakersTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final List<String> events = new ArrayList<>();
    private final CircuitBreakers breakers = new CircuitBreakers(now::get, new CircuitBreakers.Listener() {
        @Override
        public void opened(String provider, int failures) {
            events.add("opened " + provider + " " + failures);
        }

        @Override
        public void closed(String provider) {
            events.add("closed " + provider);
        }
    });

    @Test
    void opensAfterConsecutiveFailuresAndLetsOneTrialThroughAfterTheCooldown() {
        for (int i = 0; i < 2; i++) {
            breakers.failed("openai", 3, 500);
        }
        assertThat(breakers.allows("openai", 3)).isTrue();
        breakers.failed("openai", 3, 500);
        assertThat(events).containsExactly("opened openai 3");
        assertThat(breakers.allows("openai", 3)).isFalse();
        now.addAndGet(499);
        assertThat(breakers.allows("openai", 3)).isFalse();
        now.addAndGet(1);
        assertThat(breakers.allows("openai", 3)).as("the trial").isTrue();
        assertThat(breakers.allows("openai", 3)).as("only one trial at a time").isFalse();
        breakers.succeeded("openai");
        assertThat(events).containsExactly("opened openai 3", "closed openai");
        assertThat(breakers.allows("openai", 3)).isTrue();
    }

    @Test
    void aFailedTrialOpensForAnotherCooldown() {
        for (int i = 0; i < 3; i++) {
            breakers.failed("anthropic", 3, 500);
        }
        now.addAndGet(500);
        assertThat(breakers.allows("anthropic", 3)).isTrue();
        breakers.failed("anthropic", 3, 500);
        assertThat(breakers.allows("anthropic", 3)).isFalse();
        now.addAndGet(500);
        assertThat(breakers.allows("anthropic", 3)).isTrue();
    }

    @Test
    void aSuccessResetsTheCountAndZeroThresholdIsOff() {
        breakers.failed("openai", 3, 500);
        breakers.failed("openai", 3, 500);
        breakers.succeeded("openai");
        breakers.failed("openai", 3, 500);
        breakers.failed("openai", 3, 500);
        assertThat(breakers.allows("openai", 3)).isTrue();
        for (int i = 0; i < 10; i++) {
            breakers.failed("ollama", 0, 500);
        }
        assertThat(breakers.allows("ollama", 0)).isTrue();
        assertThat(events).isEmpty();
    }
}
