package dev.ingate.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The config file (SPEC section 2) after env substitution and validation. Immutable.
 * Providers and routes keep the file's order; built-in names are merged with their defaults later,
 * by {@code dev.ingate.provider.ProviderCatalog}, not here: this is what the file said.
 */
public record IngateConfig(
        ServerSettings server,
        Optional<String> defaultProvider,
        Map<String, ProviderEntry> providers,
        Map<String, List<FallbackEntry>> fallbacks,
        List<RouteRule> routes,
        DispatchSettings dispatch,
        List<KeyEntry> keys,
        Optional<String> metricsToken,
        RecordingSettings recording,
        List<PriceOverride> pricing,
        TelemetrySettings telemetry,
        CacheSettings cache,
        List<GuardrailEntry> guardrails,
        WebhookSettings webhooks,
        LimitSettings limits,
        BudgetSettings budget) {

    public static IngateConfig empty() {
        return new IngateConfig(ServerSettings.defaults(), Optional.empty(), Map.of(), Map.of(), List.of(), DispatchSettings.defaults(),
                List.of(), Optional.empty(),
                RecordingSettings.defaults(), List.of(), TelemetrySettings.defaults(),
                CacheSettings.defaults(), List.of(), WebhookSettings.defaults(), LimitSettings.NONE, BudgetSettings.NONE);
    }

    /** {@code recording.enabled}: off, no request is written to the request log (metrics still count them). */
    public boolean recordRequests() {
        return recording.enabled();
    }

    public record ServerSettings(
            long maxRequestBodyBytes,
            Duration upstreamTimeout,
            Duration streamIdleTimeout,
            Optional<String> upstreamCaFile) {

        public static final long DEFAULT_MAX_REQUEST_BODY = 10L * 1024 * 1024;

        public static ServerSettings defaults() {
            return new ServerSettings(DEFAULT_MAX_REQUEST_BODY, Duration.ofSeconds(600), Duration.ofSeconds(300), Optional.empty());
        }
    }

    /** One entry of {@code providers:}; every field is optional so built-in defaults can fill the gaps. */
    public record ProviderEntry(
            Optional<String> type,
            Optional<String> baseUrl,
            Optional<String> apiKey,
            Optional<String> authHeader,
            Optional<String> authScheme,
            Optional<String> pathPrefix,
            Map<String, String> queryParams,
            Map<String, String> headers,
            Optional<String> authMode,
            Optional<Boolean> enabled) {

        @Override
        public String toString() {
            return "ProviderEntry[type=" + type + ", baseUrl=" + baseUrl + ", apiKey=" + apiKey.map(k -> "***") + ", authHeader=" + authHeader
                    + ", authScheme=" + authScheme + ", pathPrefix=" + pathPrefix + ", queryParams=" + queryParams
                    + ", headers=" + headers.keySet() + ", authMode=" + authMode + ", enabled=" + enabled + "]";
        }
    }

    public record FallbackEntry(String provider, Optional<String> model) {
    }

    public record KeyEntry(String name, String key, List<String> providers, List<String> models, KeyLimits limits) {

        public KeyEntry(String name, String key, List<String> providers, List<String> models) {
            this(name, key, providers, models, KeyLimits.NONE);
        }

        @Override
        public String toString() {
            return "KeyEntry[name=" + name + ", key=***, providers=" + providers + ", models=" + models + ", limits=" + limits + "]";
        }
    }
}
