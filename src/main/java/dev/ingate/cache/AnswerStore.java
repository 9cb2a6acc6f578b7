package dev.ingate.cache;

import io.vertx.core.Future;

import java.time.Duration;

/** Where answers are kept: in this process (Caffeine) or in the shared Redis. */
public interface AnswerStore {

    /**
     * The answer stored under {@code key}, or a succeeded null when there is none. Never a failed future: a store
     * that cannot answer is a miss, and a request never fails because the cache is down.
     */
    Future<CachedAnswer> get(String key);

    /** Keeps {@code answer} for {@code ttl}; fire and forget. */
    void put(String key, CachedAnswer answer, Duration ttl);

    /**
     * Removes every stored answer (of this deployment, in Redis) and tells how many went. Unlike {@link #get} this fails
     * when the store cannot be reached: whoever asked for a purge must know it did not happen.
     */
    Future<Long> purge();

    /** {@code memory} or {@code redis}: where {@link #purge} removed answers from. */
    String name();
}
