package dev.ingate.route;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyTrackerTest {

    @Test
    void theFirstSampleIsTakenAsItIsAndLaterOnesMoveTheAverageByAFifth() {
        LatencyTracker tracker = new LatencyTracker();
        assertThat(tracker.averageNanos("openai", "gpt-4o")).isEmpty();
        tracker.record("openai", "gpt-4o", 100);
        assertThat(tracker.averageNanos("openai", "gpt-4o").getAsDouble()).isEqualTo(100);
        tracker.record("openai", "gpt-4o", 200);
        assertThat(tracker.averageNanos("openai", "gpt-4o").getAsDouble()).isCloseTo(120, within(1e-9));
        tracker.record("openai", "gpt-4o", 20);
        assertThat(tracker.averageNanos("openai", "gpt-4o").getAsDouble()).isCloseTo(100, within(1e-9));
        assertThat(tracker.averageNanos("openai", "gpt-4o-mini")).as("per upstream model").isEmpty();
        assertThat(tracker.averageNanos("azure", "gpt-4o")).as("per provider").isEmpty();
    }

    @Test
    void aSlowSpellShowsWithinAFewRequests() {
        LatencyTracker tracker = new LatencyTracker();
        for (int i = 0; i < 50; i++) {
            tracker.record("p", "m", 1_000_000);
        }
        for (int i = 0; i < 5; i++) {
            tracker.record("p", "m", 5_000_000);
        }
        assertThat(tracker.averageNanos("p", "m").getAsDouble()).isGreaterThan(3_500_000);
    }

    @Test
    void nonsenseIsIgnoredAndClientNamedModelsAreBounded() {
        LatencyTracker tracker = new LatencyTracker();
        tracker.record("p", "m", -5);
        tracker.record(null, "m", 5);
        tracker.record("p", null, 5);
        assertThat(tracker.averageNanos("p", "m")).isEmpty();
        for (int i = 0; i < LatencyTracker.MAX_MODELS_PER_PROVIDER + 10; i++) {
            tracker.record("p", "model-" + i, 1);
        }
        assertThat(tracker.averageNanos("p", "model-0")).isPresent();
        assertThat(tracker.averageNanos("p", "model-" + (LatencyTracker.MAX_MODELS_PER_PROVIDER + 5))).isEmpty();
    }

    @Test
    void concurrentSamplesAreNeverLost() throws Exception {
        LatencyTracker tracker = new LatencyTracker();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 10_000; i++) {
                    tracker.record("p", "m", 1000);
                }
            }));
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(tracker.averageNanos("p", "m").getAsDouble()).isEqualTo(1000);
    }
}
