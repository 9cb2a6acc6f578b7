package dev.ingate.store;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeFeedTest extends StoreTestBase {

    @Test
    void bumpIncrementsAndReturnsTheNewVersion() {
        ChangeFeed feed = Stores.open(database).changes();
        assertThat(feed.version()).isZero();
        assertThat(feed.bump()).isEqualTo(1);
        assertThat(feed.bump()).isEqualTo(2);
        assertThat(feed.bump()).isEqualTo(3);
        assertThat(feed.version()).isEqualTo(3);
    }

    /** Two instances sharing one database, bumping at once: every bump counts and gets its own number. */
    @Test
    void concurrentBumpsFromTwoInstancesNeverCollide() throws Exception {
        int perThread = 50;
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        try (Database second = Database.open(place.url()); ExecutorService threads = Executors.newFixedThreadPool(2)) {
            List<ChangeFeed> feeds = List.of(Stores.open(database).changes(), Stores.open(second).changes());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (ChangeFeed feed : feeds) {
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        seen.add(feed.bump());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            assertThat(feeds.get(1).version()).isEqualTo(2L * perThread);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 2L * perThread).boxed().toList());
    }
}
