package dev.ingate.config;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObservabilitySectionsTest {

    private static IngateConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, "config.yaml", Map.of("COLLECTOR_KEY", "k1"));
    }

    @Test
    void defaultsWhenAbsent() {
        IngateConfig c = parse("default_provider: openai\n");
        assertThat(c.recording()).isEqualTo(RecordingSettings.defaults());
        assertThat(c.recording().retention()).contains(Duration.ofDays(30));
        assertThat(c.recording().captureBodies()).isFalse();
        assertThat(c.pricing()).isEmpty();
        assertThat(c.telemetry()).isEqualTo(TelemetrySettings.defaults());
    }

    @Test
    void recordingSection() {
        IngateConfig c = parse("""
                recording:
                  enabled: true
                  retention: 90d
                  capture_bodies: true
                  max_body_size: 16KB
                  body_retention: 48h
                """);
        assertThat(c.recording()).isEqualTo(new RecordingSettings(true, Optional.of(Duration.ofDays(90)), true, 16 * 1024,
                Duration.ofHours(48)));
        assertThat(parse("recording: { retention: forever }").recording().retention()).isEmpty();
    }

    @Test
    void pricingOverrides() {
        IngateConfig c = parse("""
                pricing:
                  "ft:gpt-4o-mini:acme*": { input: 0.3, output: 1.2, cached_input: 0.15 }
                  llama-local: { input: 0, output: 0 }
                """);
        assertThat(c.pricing()).containsExactly(
                new PriceOverride("ft:gpt-4o-mini:acme*", new BigDecimal("0.3"), new BigDecimal("1.2"),
                        Optional.of(new BigDecimal("0.15")), Optional.empty()),
                new PriceOverride("llama-local", BigDecimal.ZERO, BigDecimal.ZERO, Optional.empty(), Optional.empty()));
    }

    @Test
    void telemetrySection() {
        IngateConfig c = parse("""
                telemetry:
                  otlp_endpoint: http://collector:4318
                  service_name: gw
                  headers: { x-api-key: "${COLLECTOR_KEY}" }
                  sample_ratio: 0.25
                """);
        assertThat(c.telemetry()).isEqualTo(new TelemetrySettings(Optional.of("http://collector:4318"), "gw",
                Map.of("x-api-key", "k1"), 0.25));
    }

    @Test
    void errorsNameTheKey() {
        assertThatThrownBy(() -> parse("pricing:\n  m: { input: cheap, output: 1 }\n"))
                .hasMessage("config.yaml:2: pricing.m.input: expected a number (USD per million tokens), got \"cheap\"");
        assertThatThrownBy(() -> parse("pricing:\n  m: { output: 1 }\n"))
                .hasMessageContaining("pricing.m: missing required key \"input\"");
        assertThatThrownBy(() -> parse("pricing:\n  m: { input: -1, output: 1 }\n"))
                .hasMessageContaining("a price cannot be negative");
        assertThatThrownBy(() -> parse("recording:\n  retention: soon\n"))
                .hasMessageContaining("recording.retention: invalid duration");
        assertThatThrownBy(() -> parse("recording:\n  keep: 1d\n"))
                .hasMessageContaining("recording.keep: unknown key");
        assertThatThrownBy(() -> parse("telemetry:\n  otlp_endpoint: collector:4318\n"))
                .hasMessageContaining("telemetry.otlp_endpoint: expected an http:// or https:// URL");
        assertThatThrownBy(() -> parse("telemetry:\n  sample_ratio: 2\n"))
                .hasMessageContaining("telemetry.sample_ratio: expected a number from 0 to 1");
    }
}
