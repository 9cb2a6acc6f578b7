package dev.ingate.cache;

import dev.ingate.observe.usage.UsageFacts;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-process store holds at most max_size bytes of answers, evicting to stay under it. */
class MemoryStoreTest {

    private static CachedAnswer answer(int bytes) {
        return new CachedAnswer("application/json", new byte[bytes], "openai", "openai", UsageFacts.NONE);
    }

    @Test
    void staysWithinItsByteBound() {
        MemoryStore store = new MemoryStore(10_000);
        for (int i = 0; i < 50; i++) {
            store.put("k" + i, answer(1_000), Duration.ofMinutes(1));
        }
        assertThat(store.weightedSize()).isLessThanOrEqualTo(10_000).isGreaterThan(5_000);
        assertThat(store.count()).isBetween(5L, 9L);   // each entry weighs its 1,000 bytes plus a little
        // which ones stay is Caffeine's choice (W-TinyLFU admits by frequency, not recency); those it kept are served
        long served = java.util.stream.IntStream.range(0, 50).filter(i -> store.get("k" + i).result() != null).count();
        assertThat(served).isEqualTo(store.count());
    }

    @Test
    void anEntryLargerThanTheWholeStoreIsNotKept() {
        MemoryStore store = new MemoryStore(10_000);
        store.put("big", answer(20_000), Duration.ofMinutes(1));
        assertThat(store.weightedSize()).isZero();
        assertThat(store.get("big").result()).isNull();
    }

    @Test
    void eachEntryHasItsOwnLifetime() throws Exception {
        MemoryStore store = new MemoryStore(1_000_000);
        store.put("short", answer(10), Duration.ofMillis(1));
        store.put("long", answer(10), Duration.ofMinutes(10));
        Thread.sleep(20);   // the clock must pass the short lifetime; nothing here is timed for speed
        assertThat(store.get("short").result()).isNull();
        assertThat(store.get("long").result()).isNotNull();
    }
}
