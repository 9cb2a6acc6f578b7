package dev.ingate.config;

import dev.ingate.config.YamlNodes.Entry;
import dev.ingate.config.YamlNodes.Scalar;
import org.yaml.snakeyaml.nodes.Node;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The {@code recording:}, {@code pricing:} and {@code telemetry:} sections of the config file. */
final class ObservabilityParser {

    static final List<String> RECORDING_KEYS = List.of("enabled", "retention", "capture_bodies", "max_body_size", "body_retention");
    static final List<String> PRICE_KEYS = List.of("input", "output", "cached_input", "cache_write");
    static final List<String> TELEMETRY_KEYS = List.of("otlp_endpoint", "service_name", "headers", "sample_ratio");

    private final YamlNodes y;

    ObservabilityParser(YamlNodes y) {
        this.y = y;
    }

    /** {@code retention: forever} (or {@code never}) keeps records for ever. */
    RecordingSettings recording(Node node) {
        Map<String, Entry> f = y.fields(node, "recording", RECORDING_KEYS);
        RecordingSettings d = RecordingSettings.defaults();
        Optional<Duration> retention = d.retention();
        Optional<String> retentionText = y.optString(f.get("retention"), "recording.retention");
        if (retentionText.isPresent()) {
            String text = retentionText.get().strip().toLowerCase(Locale.ROOT);
            retention = text.equals("forever") || text.equals("never")
                    ? Optional.empty()
                    : y.optDuration(f.get("retention"), "recording.retention");
        }
        long maxBody = y.optSize(f.get("max_body_size"), "recording.max_body_size").orElse(d.maxBodyBytes());
        if (maxBody > Integer.MAX_VALUE - 8) {
            throw y.error(f.get("max_body_size").value(), "recording.max_body_size", "at most 2GB");
        }
        return new RecordingSettings(
                y.optBoolean(f.get("enabled"), "recording.enabled").orElse(d.enabled()),
                retention,
                y.optBoolean(f.get("capture_bodies"), "recording.capture_bodies").orElse(d.captureBodies()),
                maxBody,
                y.optDuration(f.get("body_retention"), "recording.body_retention").orElse(d.bodyRetention()));
    }

    /** {@code pricing: { "<model or glob>": { input: 2.5, output: 10 } }}, USD per million tokens. */
    List<PriceOverride> pricing(Node node) {
        List<PriceOverride> out = new ArrayList<>();
        for (Entry e : y.mapping(node, "pricing")) {
            String path = "pricing." + e.key();
            if (e.key().isBlank()) {
                throw y.error(e.keyNode(), "pricing", "empty model name");
            }
            Map<String, Entry> f = y.fields(e.value(), path, PRICE_KEYS);
            BigDecimal input = price(f.get("input"), path + ".input")
                    .orElseThrow(() -> y.error(e.value(), path, "missing required key \"input\""));
            BigDecimal output = price(f.get("output"), path + ".output")
                    .orElseThrow(() -> y.error(e.value(), path, "missing required key \"output\""));
            out.add(new PriceOverride(e.key(), input, output, price(f.get("cached_input"), path + ".cached_input"),
                    price(f.get("cache_write"), path + ".cache_write")));
        }
        return List.copyOf(out);
    }

    TelemetrySettings telemetry(Node node) {
        Map<String, Entry> f = y.fields(node, "telemetry", TELEMETRY_KEYS);
        TelemetrySettings d = TelemetrySettings.defaults();
        Optional<String> endpoint = y.optString(f.get("otlp_endpoint"), "telemetry.otlp_endpoint");
        endpoint.ifPresent(url -> {
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw y.error(f.get("otlp_endpoint").value(), "telemetry.otlp_endpoint", "expected an http:// or https:// URL");
            }
        });
        double ratio = d.sampleRatio();
        Entry ratioEntry = f.get("sample_ratio");
        Optional<String> ratioText = y.optString(ratioEntry, "telemetry.sample_ratio");
        if (ratioText.isPresent()) {
            try {
                ratio = Double.parseDouble(ratioText.get().strip());
            } catch (NumberFormatException ex) {
                ratio = Double.NaN;
            }
            if (!(ratio >= 0 && ratio <= 1)) {
                throw y.error(ratioEntry.value(), "telemetry.sample_ratio", "expected a number from 0 to 1");
            }
        }
        return new TelemetrySettings(endpoint,
                y.optString(f.get("service_name"), "telemetry.service_name").orElse(d.serviceName()),
                new ProviderParser(y).stringMap(f.get("headers"), "telemetry.headers", true),
                ratio);
    }

    private Optional<BigDecimal> price(Entry e, String path) {
        if (e == null) {
            return Optional.empty();
        }
        Scalar s = y.scalar(e.value(), path);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(s.text().strip());
            if (value.signum() < 0) {
                throw y.error(s.node(), path, "a price cannot be negative");
            }
            return Optional.of(value);
        } catch (NumberFormatException ex) {
            throw y.error(s.node(), path, "expected a number (USD per million tokens), got \"" + s.text() + "\"");
        }
    }
}
