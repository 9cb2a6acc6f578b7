package dev.ingate.observe;

import dev.ingate.observe.usage.UsageFacts;
import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.ExchangeObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * What the answers cost: tokens by kind and USD by provider and served model, and the time to the first token of
 * streams. On whether or not requests are recorded.
 */
public final class UsageMetrics implements ExchangeObserver {

    private static final Duration[] TTFT_SLOS = {
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private record Labels(String provider, String model) {
    }

    /** The meters of one provider and model, looked up once per label pair. */
    private record Meters(Counter input, Counter output, Counter cachedInput, Counter cacheWrite, Counter costUsd) {
    }

    private final MeterRegistry registry;
    private final ExchangeCost cost;
    private final ConcurrentMap<Labels, Meters> meters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> ttft = new ConcurrentHashMap<>();

    public UsageMetrics(GatewayMetrics metrics, ExchangeCost cost) {
        this.registry = metrics.registry();
        this.cost = cost;
    }

    @Override
    public void finished(Exchange ex) {
        String provider = ex.provider() == null ? "none" : ex.provider().name();
        if (ex.firstTokenNanos() > 0) {
            ttft.computeIfAbsent(provider, p -> Timer.builder("ingate.ttft").description("time to the first token of streamed answers")
                    .tag("provider", p).serviceLevelObjectives(TTFT_SLOS).register(registry))
                    .record(ex.firstTokenNanos() - ex.startNanos(), TimeUnit.NANOSECONDS);
        }
        UsageFacts usage = ExchangeCost.usage(ex);
        if (!usage.found()) {
            return;
        }
        String model = usage.model() != null ? usage.model() : ex.model() != null ? ex.model() : "unknown";
        Meters m = meters.computeIfAbsent(new Labels(provider, model), this::register);
        // input counts fresh tokens only, so the kinds add up to what was billed
        m.input().increment(usage.uncachedInputTokens());
        m.output().increment(usage.outputTokens());
        m.cachedInput().increment(usage.cachedInputTokens());
        m.cacheWrite().increment(usage.cacheCreationTokens());
        BigDecimal usd = cost.of(ex);
        if (usd != null) {
            m.costUsd().increment(usd.doubleValue());
        }
    }

    private Meters register(Labels l) {
        return new Meters(tokens(l, "input"), tokens(l, "output"), tokens(l, "cached_input"), tokens(l, "cache_write"),
                Counter.builder("ingate.cost.usd").description("cost of the answers in USD at catalog or configured prices")
                        .tags("provider", l.provider(), "model", l.model()).register(registry));
    }

    private Counter tokens(Labels l, String type) {
        return Counter.builder("ingate.tokens").description("tokens by kind: input (fresh), output, cached_input, cache_write")
                .tags("provider", l.provider(), "model", l.model(), "type", type).register(registry);
    }
}
