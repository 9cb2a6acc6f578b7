package dev.ingate.observe.trace;

import dev.ingate.config.TelemetrySettings;
import dev.ingate.pipeline.ExchangeObserver;

import java.util.Map;
import java.util.Optional;

/**
 * OpenTelemetry traces of proxied exchanges, on or off. This type and {@link #OFF} use no OpenTelemetry
 * class: the SDK is loaded only when a collector is configured, which keeps it out of a plain start-up.
 */
public interface Tracing extends AutoCloseable {

    /** No collector configured: observes nothing, closes nothing. */
    Tracing OFF = new Tracing() {
        @Override
        public ExchangeObserver appendTo(ExchangeObserver observer) {
            return observer;
        }

        @Override
        public void close() {
        }
    };

    /**
     * Starts exporting to the collector named by {@code telemetry.otlp_endpoint}, else by
     * {@code OTEL_EXPORTER_OTLP_ENDPOINT} in {@code env}; {@link #OFF} when neither is set.
     */
    static Tracing start(TelemetrySettings settings, Map<String, String> env) {
        Optional<TraceTarget> target = TraceTarget.resolve(settings, env);
        // no lambda or method reference here: linking one would load the OTel-bound class even when off
        return target.isPresent() ? OtlpTracing.start(target.get()) : OFF;
    }

    /** {@code observer}, then a span for every finished exchange (when on). */
    ExchangeObserver appendTo(ExchangeObserver observer);

    /** Exports what is still queued and stops; waits a bounded time, so never call it on an event loop. */
    @Override
    void close();
}
