package dev.ingate.observe.trace;

import dev.ingate.config.TelemetrySettings;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where spans go and how they are labelled, from the {@code telemetry:} section with the standard OTel
 * environment variables as fallback. Free of OpenTelemetry classes, so deciding that tracing is off costs
 * nothing at start-up.
 *
 * @param tracesUrl   the full OTLP/HTTP traces URL ({@code <endpoint>/v1/traces})
 * @param serviceName {@code service.name} of the spans
 * @param headers     sent with every export
 * @param sampleRatio share of new traces kept; a caller's sampled flag decides for joined traces
 */
record TraceTarget(String tracesUrl, String serviceName, Map<String, String> headers, double sampleRatio) {

    static final String ENDPOINT_ENV = "OTEL_EXPORTER_OTLP_ENDPOINT";
    static final String SERVICE_NAME_ENV = "OTEL_SERVICE_NAME";
    static final String HEADERS_ENV = "OTEL_EXPORTER_OTLP_HEADERS";
    private static final String TRACES_PATH = "/v1/traces";

    /** Empty when neither the config file nor the environment names a collector: no tracing at all. */
    static Optional<TraceTarget> resolve(TelemetrySettings settings, Map<String, String> env) {
        // plain code, no lambdas: this runs at every start, tracing or not, and start-up time counts
        String endpoint = settings.otlpEndpoint().orElse(null);
        if (endpoint == null) {
            endpoint = nonBlank(env, ENDPOINT_ENV);
            if (endpoint == null) {
                return Optional.empty();
            }
            endpoint = checkedEnvUrl(endpoint);
        }
        String serviceName = settings.serviceName();
        String envServiceName = nonBlank(env, SERVICE_NAME_ENV);
        if (envServiceName != null && serviceName.equals(TelemetrySettings.defaults().serviceName())) {
            serviceName = envServiceName;
        }
        Map<String, String> headers = settings.headers();
        String envHeaders = nonBlank(env, HEADERS_ENV);
        if (headers.isEmpty() && envHeaders != null) {
            headers = parseHeaders(envHeaders);
        }
        return Optional.of(new TraceTarget(tracesUrl(endpoint), serviceName, headers, settings.sampleRatio()));
    }

    /** The OTLP rule for a base endpoint: the signal's path goes after it (unless it is there already). */
    static String tracesUrl(String endpoint) {
        String base = endpoint.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base.endsWith(TRACES_PATH) ? base : base + TRACES_PATH;
    }

    /** {@code key1=value1,key2=value2}, values URL-encoded, as the OTel SDKs read the variable. */
    static Map<String, String> parseHeaders(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).strip();
            String value = URLDecoder.decode(pair.substring(eq + 1).strip(), StandardCharsets.UTF_8);
            if (!name.isEmpty()) {
                headers.put(name, value);
            }
        }
        return Map.copyOf(headers);
    }

    private static String checkedEnvUrl(String url) {
        String trimmed = url.strip();
        if (!trimmed.startsWith("http://") && !trimmed.startsWith("https://")) {
            throw new IllegalArgumentException(ENDPOINT_ENV + " must be an http:// or https:// URL: " + url);
        }
        return trimmed;
    }

    private static String nonBlank(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
