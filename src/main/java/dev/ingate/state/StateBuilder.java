package dev.ingate.state;

import dev.ingate.config.DispatchSettings;
import dev.ingate.config.IngateConfig.ProviderEntry;
import dev.ingate.config.IngateConfig.ServerSettings;
import dev.ingate.config.RouteTable;
import dev.ingate.keys.GatewayKey;
import dev.ingate.keys.KeyStore;
import dev.ingate.keys.Keyring;
import dev.ingate.keys.StoredKey;
import dev.ingate.pipeline.GatewayState;
import dev.ingate.provider.Provider;
import dev.ingate.provider.ProviderCatalog;
import dev.ingate.provider.ProviderStore;
import dev.ingate.provider.RouteStore;
import dev.ingate.provider.StoredRoute;
import dev.ingate.provider.StoredProvider;
import dev.ingate.secrets.SecretBox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the stores into the snapshot the request path uses: providers with their keys opened, the
 * default provider, fallback chains, routing rules and the enabled keys. Blocking; runs off the event loops.
 */
public final class StateBuilder {

    private static final System.Logger LOG = System.getLogger(StateBuilder.class.getName());

    private final ServerSettings server;
    private final DispatchSettings dispatch;
    private final Map<String, String> env;
    private final String adminToken;
    private final ProviderStore providers;
    private final RouteStore routes;
    private final KeyStore keys;
    private final SecretBox secrets;

    public StateBuilder(ServerSettings server, DispatchSettings dispatch, Map<String, String> env, String adminToken,
                        ProviderStore providers, RouteStore routes, KeyStore keys, SecretBox secrets) {
        this.server = server;
        this.dispatch = dispatch;
        this.env = env;
        this.adminToken = adminToken;
        this.providers = providers;
        this.routes = routes;
        this.keys = keys;
        this.secrets = secrets;
    }

    public GatewayState build() {
        return new GatewayState(server, buildProviders(), providers.defaultProvider(), providers.fallbacks(), buildRoutes(), dispatch,
                buildKeyring(), adminToken);
    }

    /** Rules stay in even when a target's provider is gone or disabled: the dispatcher skips such targets per request. */
    private RouteTable buildRoutes() {
        return RouteTable.of(routes.list().stream().map(StoredRoute::rule).toList());
    }

    private Map<String, Provider> buildProviders() {
        Map<String, Provider> built = new LinkedHashMap<>();
        for (StoredProvider stored : providers.list()) {
            try {
                built.put(stored.name(), ProviderCatalog.build(stored.name(), withKey(stored), env));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "provider {0} is left out: {1}", stored.name(), e.getMessage());
            }
        }
        return Collections.unmodifiableMap(built);
    }

    private ProviderEntry withKey(StoredProvider stored) {
        ProviderEntry s = stored.settings();
        Optional<String> key = stored.sealedApiKey().map(sealed -> secrets.open(sealed, stored.name()));
        return new ProviderEntry(s.type(), s.baseUrl(), key, s.authHeader(), s.authScheme(), s.pathPrefix(),
                s.queryParams(), s.headers(), s.authMode(), s.enabled());
    }

    private Keyring buildKeyring() {
        List<GatewayKey> enabled = new ArrayList<>();
        for (StoredKey key : keys.list()) {
            if (key.enabled()) {
                enabled.add(GatewayKey.of(key.id(), key.name(), key.sha256(), key.providers(), key.models(),
                        key.expiresAt().map(Instant::toEpochMilli).orElse(Long.MAX_VALUE), key.limits()));
            }
        }
        return new Keyring(enabled);
    }
}
