package dev.ingate.models;

import dev.ingate.keys.GatewayKey;
import dev.ingate.observe.pricing.PriceCatalog;
import dev.ingate.pipeline.GatewayState;
import dev.ingate.provider.Provider;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a caller can ask for: the routing aliases first (owned by "ingate"), then each enabled provider's models
 * as the price catalog knows them (owned by the provider's name), only what the caller's key may use. A model
 * offered by several providers is listed once, under the first (the default provider comes first).
 */
final class ModelList {

    record Entry(String id, String ownedBy) {
    }

    private ModelList() {
    }

    static List<Entry> build(GatewayState state, GatewayKey key, PriceCatalog prices, Collection<String> aliases) {
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (String alias : aliases) {
            if (key.allowsModel(alias)) {
                byId.putIfAbsent(alias, new Entry(alias, "ingate"));
            }
        }
        for (Provider provider : providersInOrder(state)) {
            if (!provider.enabled() || !key.allowsProvider(provider.name())) {
                continue;
            }
            for (String model : prices.modelIds(provider.name())) {
                if (key.allowsModel(model)) {
                    byId.putIfAbsent(model, new Entry(model, provider.name()));
                }
            }
        }
        return new ArrayList<>(byId.values());
    }

    private static List<Provider> providersInOrder(GatewayState state) {
        List<Provider> ordered = new ArrayList<>(state.providers().size());
        state.defaultProvider().map(state.providers()::get).ifPresent(ordered::add);
        state.providers().values().stream()
                .filter(provider -> !ordered.contains(provider))
                .sorted(java.util.Comparator.comparing(Provider::name))
                .forEach(ordered::add);
        return ordered;
    }
}
