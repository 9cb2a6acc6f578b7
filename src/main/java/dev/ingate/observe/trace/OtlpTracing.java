package dev.ingate.observe.trace;

import dev.ingate.Version;
import dev.ingate.pipeline.ExchangeObserver;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The one place that builds OpenTelemetry: an SDK tracer provider exporting over OTLP/HTTP in batches from
 * its own thread, so the event loops only hand finished spans to a queue. Nothing is made global: Ingate's
 * spans come from its own provider, and an embedding application's OTel setup is left alone.
 */
final class OtlpTracing implements Tracing {

    /** The SDK's own default (OTEL_BSP_SCHEDULE_DELAY): spans wait at most this long before export. */
    static final Duration DEFAULT_EXPORT_DELAY = Duration.ofSeconds(5);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);
    private static final String INSTRUMENTATION_SCOPE = "dev.ingate";

    private final SdkTracerProvider provider;
    private final ExchangeSpans spans;

    OtlpTracing(TraceTarget target, Duration exportDelay) {
        OtlpHttpSpanExporterBuilder exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(target.tracesUrl())
                .setCompression("gzip")
                // Ingate has no OTel metrics pipeline; without this the exporter would reach for GlobalOpenTelemetry
                .setMeterProvider(MeterProvider.noop());
        target.headers().forEach(exporter::addHeader);
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(
                SpanKeys.SERVICE_NAME, target.serviceName(), SpanKeys.SERVICE_VERSION, Version.current())));
        provider = SdkTracerProvider.builder()
                .setResource(resource)
                // a caller's sampled flag wins, so Ingate's span never breaks a trace the application keeps
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(target.sampleRatio())))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter.build())
                        .setScheduleDelay(exportDelay)
                        .setMeterProvider(MeterProvider.noop())
                        .build())
                .setMeterProvider(MeterProvider::noop)
                .build();
        spans = new ExchangeSpans(provider.get(INSTRUMENTATION_SCOPE, Version.current()));
    }

    /** The factory {@link Tracing#start} calls only when a collector is configured. */
    static Tracing start(TraceTarget target) {
        return new OtlpTracing(target, DEFAULT_EXPORT_DELAY);
    }

    @Override
    public ExchangeObserver appendTo(ExchangeObserver observer) {
        return observer.andThen(spans);
    }

    @Override
    public void close() {
        provider.shutdown().join(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
