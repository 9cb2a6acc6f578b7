package dev.ingate.observe;

import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.ExchangeObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus metrics of every proxied exchange: requests by provider, model and status; latency and
 * Ingate's own overhead as histograms; upstream failures; and the JVM's. Meters are looked up once per
 * label set and cached, so recording costs a map lookup and an atomic add.
 */
public final class GatewayMetrics implements ExchangeObserver {

    private static final Duration[] LATENCY_SLOS = {
            Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(300)};
    private static final Duration[] OVERHEAD_SLOS = {
            Duration.ofNanos(50_000), Duration.ofNanos(100_000), Duration.ofNanos(250_000), Duration.ofNanos(500_000),
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(50)};

    private record RequestLabels(String provider, String model, int status) {
    }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConcurrentMap<RequestLabels, Counter> requests = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> latency = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> upstreamErrors = new ConcurrentHashMap<>();
    private final Timer overhead;
    private boolean jvmBound;

    public GatewayMetrics() {
        overhead = Timer.builder("ingate.overhead").description("time spent inside Ingate per request, upstream time excluded")
                .serviceLevelObjectives(OVERHEAD_SLOS).register(registry);
    }

    /**
     * Adds the JVM's meters (memory, GC, threads, CPU, uptime) once; every scrape makes sure they are there. Their
     * binders load the JDK's management beans, ~0.1-0.2 s of a cold start's CPU, so the gateway calls this off the
     * start's path, once it listens.
     */
    public synchronized void bindJvmMetrics() {
        if (jvmBound) {
            return;
        }
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        jvmBound = true;
    }

    @Override
    public void finished(Exchange ex) {
        String provider = ex.provider() == null ? "none" : ex.provider().name();
        String model = ex.model() == null ? "unknown" : ex.model();
        requests.computeIfAbsent(new RequestLabels(provider, model, ex.status()), labels -> Counter.builder("ingate.requests")
                .description("proxied requests by provider, requested model and status")
                .tags("provider", labels.provider(), "model", labels.model(), "status", Integer.toString(labels.status()))
                .register(registry)).increment();
        long total = ex.finishedNanos() - ex.startNanos();
        latency.computeIfAbsent(provider, p -> Timer.builder("ingate.request.duration").description("total request latency")
                .tag("provider", p).serviceLevelObjectives(LATENCY_SLOS).register(registry)).record(total, TimeUnit.NANOSECONDS);
        if (ex.overheadAtResponseNanos() >= 0) {
            overhead.record(ex.overheadAtResponseNanos(), TimeUnit.NANOSECONDS);
        }
        if (ex.error() != null && ex.attempts() > 0 && ex.status() != Exchange.CLIENT_GONE) {
            upstreamErrors.computeIfAbsent(provider, p -> Counter.builder("ingate.upstream.errors")
                    .description("upstream calls that failed, timed out or were cut").tag("provider", p).register(registry)).increment();
        }
    }

    MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        bindJvmMetrics();
        return registry.scrape();
    }
}
