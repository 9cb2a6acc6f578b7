package dev.ingate.pipeline;

import dev.ingate.keys.Keyring;
import dev.ingate.config.IngateConfig.FallbackEntry;
import dev.ingate.config.IngateConfig.ServerSettings;
import dev.ingate.provider.Provider;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the request path reads per request, as one immutable snapshot. A change (admin API,
 * another instance) builds a new snapshot and swaps it in; a request keeps the one it started with.
 */
public record GatewayState(
        ServerSettings server,
        Map<String, Provider> providers,
        Optional<String> defaultProvider,
        Map<String, List<FallbackEntry>> fallbacks,
        Keyring keyring,
        String adminToken) {
}
