package dev.ingate.route;

import dev.ingate.pipeline.AttributeKey;
import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.Handler;
import dev.ingate.pipeline.IngateError;
import dev.ingate.pipeline.Interceptor;

import java.util.List;
import java.util.Optional;

/**
 * Finds the provider (400 / 404 when it can't), checks that the caller's key may use it (403), and lays out
 * the plan: the primary, then its fallback chain. When routing rules exist and no header names the provider,
 * the model may still route the request elsewhere, and the model is only known once the body is read: the
 * path's verdict is then kept for {@link RouteByModel} to apply when no rule matches.
 */
public final class ResolveProvider implements Interceptor {

    public static final String PROVIDER_HEADER = "x-ingate-provider";

    /** The path or default provider's resolution, applied after the body unless a routing rule matches. */
    static final AttributeKey<ProviderResolver.Resolution> DEFERRED = new AttributeKey<>("deferred-resolution");

    @Override
    public void intercept(Exchange ex, Handler next) {
        String header = ex.request().getHeader(PROVIDER_HEADER);
        ProviderResolver.Resolution resolution = ProviderResolver.resolve(ex.state(), header, ex.request().path());
        if (header == null && !ex.state().routes().isEmpty()) {
            ex.attribute(DEFERRED, resolution);
            ex.provider(resolution.provider());
            next.handle(ex);
            return;
        }
        if (apply(ex, resolution)) {
            next.handle(ex);
        }
    }

    /** Sets the provider and its plan, or answers with the resolution's error or 403; true when the request goes on. */
    static boolean apply(Exchange ex, ProviderResolver.Resolution resolution) {
        if (resolution.error() != null) {
            ex.fail(resolution.error());
            return false;
        }
        if (!ex.key().allowsProvider(resolution.provider().name())) {
            ex.fail(IngateError.providerOutOfScope(resolution.provider().name()));
            return false;
        }
        ex.provider(resolution.provider());
        Target primary = new Target(resolution.provider(), Optional.empty(), Target.Origin.RESOLVED);
        ex.attribute(Plan.KEY, new Plan(FallbackChains.withFallbacks(ex.state(), ex.key(), List.of(primary))));
        return true;
    }
}
