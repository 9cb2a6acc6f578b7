package dev.ingate.pipeline;

import dev.ingate.config.DispatchSettings;
import dev.ingate.config.IngateConfig.FallbackEntry;
import dev.ingate.config.IngateConfig.ServerSettings;
import dev.ingate.config.RouteTable;
import dev.ingate.keys.Keyring;
import dev.ingate.provider.Provider;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the request path reads per request, as one immutable snapshot. A change (admin API,
 * another instance) builds a new snapshot and swaps it in; a request keeps the one it started with.
 *
 * @param routes   model routing rules (config file and admin API)
 * @param dispatch retries and circuit breaker, from the config file only
 */
public record GatewayState(
        ServerSettings server,
        Map<String, Provider> providers,
        Optional<String> defaultProvider,
        Map<String, List<FallbackEntry>> fallbacks,
        RouteTable routes,
        DispatchSettings dispatch,
        Keyring keyring,
        String adminToken) {
}
