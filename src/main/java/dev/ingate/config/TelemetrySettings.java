package dev.ingate.config;

import java.util.Map;
import java.util.Optional;

/**
 * {@code telemetry:} — OpenTelemetry traces over OTLP/HTTP. With no endpoint here, the standard
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} environment variable is used; with neither, no tracing at all.
 *
 * @param otlpEndpoint base URL of the collector, e.g. {@code http://localhost:4318} (spans go to {@code /v1/traces})
 * @param serviceName  {@code service.name} of the spans
 * @param headers      sent with every export, e.g. an API key of a hosted collector
 * @param sampleRatio  share of traces kept, 0 to 1
 */
public record TelemetrySettings(Optional<String> otlpEndpoint, String serviceName, Map<String, String> headers, double sampleRatio) {

    public static TelemetrySettings defaults() {
        return new TelemetrySettings(Optional.empty(), "ingate", Map.of(), 1.0);
    }
}
