package dev.ingate.observe.trace;

import dev.ingate.config.TelemetrySettings;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraceTargetTest {

    private static TelemetrySettings file(String endpoint, String serviceName, Map<String, String> headers) {
        return new TelemetrySettings(Optional.ofNullable(endpoint), serviceName, headers, 0.25);
    }

    @Test
    void noEndpointAnywhereMeansNoTracing() {
        assertThat(TraceTarget.resolve(TelemetrySettings.defaults(), Map.of())).isEmpty();
        assertThat(TraceTarget.resolve(TelemetrySettings.defaults(), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " "))).isEmpty();
    }

    @Test
    void theFileWinsOverTheEnvironment() {
        TraceTarget target = TraceTarget.resolve(file("http://file:4318", "gw", Map.of("k", "v")),
                Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://env:4318", "OTEL_SERVICE_NAME", "env-name",
                        "OTEL_EXPORTER_OTLP_HEADERS", "a=b")).orElseThrow();
        assertThat(target).isEqualTo(new TraceTarget("http://file:4318/v1/traces", "gw", Map.of("k", "v"), 0.25));
    }

    @Test
    void theEnvironmentFillsWhatTheFileLeftOut() {
        TraceTarget target = TraceTarget.resolve(file(null, "ingate", Map.of()),
                Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "https://collector.example/otlp/", "OTEL_SERVICE_NAME", "env-name",
                        "OTEL_EXPORTER_OTLP_HEADERS", "api-key=s%20ecret, x-team = ml,broken")).orElseThrow();
        assertThat(target.tracesUrl()).isEqualTo("https://collector.example/otlp/v1/traces");
        assertThat(target.serviceName()).isEqualTo("env-name");
        assertThat(target.headers()).isEqualTo(Map.of("api-key", "s ecret", "x-team", "ml"));
    }

    @Test
    void aFullTracesUrlIsKeptAsItIs() {
        assertThat(TraceTarget.tracesUrl("http://c:4318/v1/traces")).isEqualTo("http://c:4318/v1/traces");
        assertThat(TraceTarget.tracesUrl("http://c:4318")).isEqualTo("http://c:4318/v1/traces");
    }

    @Test
    void aMalformedEnvironmentEndpointFailsTheStart() {
        assertThatThrownBy(() -> TraceTarget.resolve(TelemetrySettings.defaults(), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318")))
                .hasMessageContaining("OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL");
    }
}
