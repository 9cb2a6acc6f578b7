package dev.ingate.route;

import dev.ingate.config.IngateConfig.FallbackEntry;
import dev.ingate.keys.GatewayKey;
import dev.ingate.pipeline.GatewayState;
import dev.ingate.provider.Provider;

import java.util.ArrayList;
import java.util.List;

/**
 * Appends the primary's fallback chain to a plan (SPEC section 3: the chain of the primary however it was
 * chosen; chains do not chain on). Entries the caller's key may not use, or whose provider is gone or disabled,
 * are left out rather than failing the request: a fallback is a spare, not a promise.
 */
final class FallbackChains {

    private FallbackChains() {
    }

    static List<Target> withFallbacks(GatewayState state, GatewayKey key, List<Target> primaries) {
        List<FallbackEntry> chain = state.fallbacks().get(primaries.getFirst().provider().name());
        if (chain == null || chain.isEmpty()) {
            return primaries;
        }
        List<Target> targets = new ArrayList<>(primaries.size() + chain.size());
        targets.addAll(primaries);
        for (FallbackEntry entry : chain) {
            Provider provider = state.providers().get(entry.provider());
            if (provider == null || !provider.enabled() || !key.allowsProvider(provider.name())) {
                continue;
            }
            Target target = new Target(provider, entry.model(), Target.Origin.FALLBACK);
            if (!contains(targets, target)) {
                targets.add(target);
            }
        }
        return targets;
    }

    /** The same provider and model twice would only repeat a failure. */
    private static boolean contains(List<Target> targets, Target candidate) {
        for (Target target : targets) {
            if (target.provider().name().equals(candidate.provider().name()) && target.model().equals(candidate.model())) {
                return true;
            }
        }
        return false;
    }
}
