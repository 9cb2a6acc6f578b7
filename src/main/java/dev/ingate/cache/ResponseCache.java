package dev.ingate.cache;

import dev.ingate.config.CacheSettings;
import dev.ingate.observe.pricing.PriceCatalog;
import dev.ingate.observe.pricing.Usage;
import dev.ingate.observe.usage.UsageFacts;
import dev.ingate.redis.SharedRedis;
import io.vertx.core.Future;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The process-wide side of the response cache: its settings, where answers are kept (Redis when
 * {@code INGATE_REDIS_URL} is set, so every instance shares them; else Caffeine in this process) and the prices a
 * hit's saving is worked out with. Each event loop's {@link CacheInterceptor} uses this one.
 */
public final class ResponseCache {

    private final CacheSettings settings;
    private final Supplier<AnswerStore> newStore;
    private final PriceCatalog prices;
    /**
     * Made at the first request the cache is in play for: with {@code cache.enabled: false} and no
     * {@code X-Ingate-Cache-Ttl}, never (Caffeine's classes cost a cold start some 30 ms).
     */
    private volatile AnswerStore store;

    ResponseCache(CacheSettings settings, Supplier<AnswerStore> newStore, PriceCatalog prices) {
        this.settings = settings;
        this.newStore = newStore;
        this.prices = prices;
    }

    public static ResponseCache create(CacheSettings settings, Optional<SharedRedis> redis, PriceCatalog prices) {
        Supplier<AnswerStore> newStore = redis.<Supplier<AnswerStore>>map(shared -> () -> new RedisStore(shared))
                .orElse(() -> new MemoryStore(settings.maxSizeBytes()));
        return new ResponseCache(settings, newStore, prices);
    }

    CacheSettings settings() {
        return settings;
    }

    AnswerStore store() {
        AnswerStore made = store;
        if (made == null) {
            synchronized (this) {
                if (store == null) {
                    store = newStore.get();
                }
                made = store;
            }
        }
        return made;
    }

    /** Empties the cache (this process's, or the deployment's in Redis): how many answers went. Fails when Redis cannot be reached. */
    public Future<Long> purge() {
        return store().purge();
    }

    /** {@code memory} or {@code redis}. */
    public String storeName() {
        return store().name();
    }

    /** What the stored answer would have cost if asked of its provider again; null when its model has no price. */
    BigDecimal savedUsd(CachedAnswer answer, String requestedModel) {
        UsageFacts u = answer.usage();
        String model = u.model() != null ? u.model() : requestedModel;
        if (!u.found() || model == null || answer.servedBy() == null) {
            return null;
        }
        Usage billable = Usage.fromInclusive(u.inputTokens(), u.cachedInputTokens(), u.cacheCreationTokens(), u.outputTokens(),
                u.reasoningTokens());
        return prices.find(answer.servedBy(), answer.servedShape(), model)
                .map(price -> price.cost(billable).totalUsd())
                .orElse(null);
    }
}
