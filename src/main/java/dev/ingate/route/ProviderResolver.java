package dev.ingate.route;

import dev.ingate.pipeline.GatewayState;
import dev.ingate.pipeline.IngateError;
import dev.ingate.provider.Provider;

/**
 * Picks the provider for a request: the explicit header, then the path, then the default provider.
 * A name that is given but unknown or disabled is a 404; no name at all is a 400.
 */
public final class ProviderResolver {

    /** Either a provider or the error to answer with. */
    public record Resolution(Provider provider, IngateError error) {
        static Resolution of(Provider provider) {
            return new Resolution(provider, null);
        }

        static Resolution failed(IngateError error) {
            return new Resolution(null, error);
        }
    }

    private ProviderResolver() {
    }

    public static Resolution resolve(GatewayState state, String providerHeader, String path) {
        String name = providerHeader != null && !providerHeader.isBlank() ? providerHeader.trim() : PathDetection.providerFor(path);
        if (name == null) {
            name = state.defaultProvider().orElse(null);
        }
        if (name == null) {
            return Resolution.failed(IngateError.noProvider(path));
        }
        Provider provider = state.providers().get(name);
        if (provider == null) {
            return Resolution.failed(IngateError.unknownProvider(name));
        }
        if (!provider.enabled()) {
            return Resolution.failed(IngateError.disabledProvider(name));
        }
        return Resolution.of(provider);
    }
}
