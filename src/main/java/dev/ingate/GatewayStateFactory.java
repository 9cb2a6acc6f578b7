package dev.ingate;

import dev.ingate.keys.GatewayKey;
import dev.ingate.keys.KeyHash;
import dev.ingate.keys.Keyring;
import dev.ingate.config.IngateConfig;
import dev.ingate.pipeline.GatewayState;
import dev.ingate.provider.ProviderCatalog;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Turns the config file (and the generated first key) into the snapshot the request path reads. */
final class GatewayStateFactory {

    private GatewayStateFactory() {
    }

    static GatewayState build(IngateConfig config, StartupSettings settings, String adminToken, Optional<String> generatedKeyHash) {
        List<GatewayKey> keys = new ArrayList<>();
        for (IngateConfig.KeyEntry entry : config.keys()) {
            keys.add(GatewayKey.of("cfg-" + entry.name(), entry.name(), KeyHash.sha256(entry.key()), entry.providers(), entry.models()));
        }
        generatedKeyHash.ifPresent(hash -> keys.add(GatewayKey.of("generated", "generated", HexFormat.of().parseHex(hash), List.of(), List.of())));
        return new GatewayState(
                config.server(),
                ProviderCatalog.build(config, settings.env()),
                config.defaultProvider(),
                config.fallbacks(),
                new Keyring(keys),
                adminToken);
    }
}
