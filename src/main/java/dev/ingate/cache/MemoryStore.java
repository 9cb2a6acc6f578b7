package dev.ingate.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.List;

/**
 * Answers in this process: Caffeine bounded by the bytes it holds ({@code cache.max_size}), each entry with its own
 * time to live (a request's {@code X-Ingate-Cache-Ttl} differs from the configured one). Shared by every event loop.
 * Maintenance (eviction, frequency counts) runs on the writing event loop after its current task, so a burst of
 * writes shares one run and the bound holds again once it ran; on Caffeine's default executor it cost more (a
 * hand-over to the common pool for nearly every write), on the calling thread it ran once per write.
 */
final class MemoryStore implements AnswerStore {

    private record Entry(CachedAnswer answer, long ttlNanos) {
    }

    private final Cache<String, Entry> entries;

    MemoryStore(long maxBytes) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Entry e) -> e.answer().weight() + 2 * key.length())
                .expireAfter(Expiry.<String, Entry>writing((key, e) -> Duration.ofNanos(e.ttlNanos())))
                .executor(MemoryStore::afterThisTask)
                .build();
    }

    /** On an event loop after its current task; elsewhere (a worker, a test) at once. */
    private static void afterThisTask(Runnable maintenance) {
        Context context = Vertx.currentContext();
        if (context != null && context.isEventLoopContext()) {
            context.runOnContext(v -> maintenance.run());
        } else {
            maintenance.run();
        }
    }

    @Override
    public Future<CachedAnswer> get(String key) {
        Entry e = entries.getIfPresent(key);
        return Future.succeededFuture(e == null ? null : e.answer());
    }

    @Override
    public void put(String key, CachedAnswer answer, Duration ttl) {
        entries.put(key, new Entry(answer, ttl.toNanos()));
    }

    /** One by one, so the count is what this call removed, not what another thread put or removed meanwhile. */
    @Override
    public Future<Long> purge() {
        entries.cleanUp();
        long removed = 0;
        for (String key : List.copyOf(entries.asMap().keySet())) {
            if (entries.asMap().remove(key) != null) {
                removed++;
            }
        }
        return Future.succeededFuture(removed);
    }

    @Override
    public String name() {
        return "memory";
    }

    /** The weight held now (bytes, as the weigher counts them), after pending maintenance. */
    long weightedSize() {
        entries.cleanUp();
        return entries.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    long count() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
