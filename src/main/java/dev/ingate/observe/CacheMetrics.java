package dev.ingate.observe;

import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.ExchangeObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.math.BigDecimal;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The response cache's meters: {@code ingate_cache_requests_total{result}} (HIT, MISS, BYPASS) for every request the
 * cache was in play for, and {@code ingate_cache_saved_usd_total}, what the hits would have cost upstream.
 */
public final class CacheMetrics implements ExchangeObserver {

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> requests = new ConcurrentHashMap<>();
    private final Counter saved;

    public CacheMetrics(GatewayMetrics metrics) {
        this.registry = metrics.registry();
        this.saved = Counter.builder("ingate.cache.saved.usd")
                .description("what the answers served from the response cache would have cost from their providers")
                .register(registry);
    }

    @Override
    public void finished(Exchange ex) {
        String result = ex.attribute(Attributes.CACHE);
        if (result == null) {
            return;
        }
        requests.computeIfAbsent(result, r -> Counter.builder("ingate.cache.requests")
                .description("requests the response cache was in play for, by result").tag("result", r).register(registry))
                .increment();
        BigDecimal usd = ex.attribute(Attributes.SAVED_USD);
        if (usd != null) {
            saved.increment(usd.doubleValue());
        }
    }
}
