package dev.ingate.route;

import dev.ingate.provider.Provider;

import java.util.Optional;

/**
 * Where one attempt goes: a provider and, when a route or fallback entry names one, the model to ask it for
 * (empty: the model the caller asked for).
 */
public record Target(Provider provider, Optional<String> model, Origin origin) {

    /** How the target was chosen; it decides whether a shape mismatch is translated (SPEC section 3). */
    public enum Origin {
        /** The explicit header, the path or the default provider: translated only when the caller asks. */
        RESOLVED,
        /** A model routing rule: translated whenever the shapes differ. */
        ROUTE,
        /** An entry of the primary's fallback chain: translated whenever the shapes differ. */
        FALLBACK
    }

    public boolean translatesImplicitly() {
        return origin != Origin.RESOLVED;
    }

    public String modelOr(String requested) {
        return model.orElse(requested);
    }
}
