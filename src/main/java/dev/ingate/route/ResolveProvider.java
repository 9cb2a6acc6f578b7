package dev.ingate.route;

import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.Handler;
import dev.ingate.pipeline.IngateError;
import dev.ingate.pipeline.Interceptor;

import java.util.List;

/**
 * Finds the provider (400 / 404 when it can't), checks that the caller's key may use it (403), and lays out
 * the plan: the primary, then its fallback chain.
 */
public final class ResolveProvider implements Interceptor {

    public static final String PROVIDER_HEADER = "x-ingate-provider";

    @Override
    public void intercept(Exchange ex, Handler next) {
        ProviderResolver.Resolution resolution = ProviderResolver.resolve(
                ex.state(), ex.request().getHeader(PROVIDER_HEADER), ex.request().path());
        if (resolution.error() != null) {
            ex.fail(resolution.error());
            return;
        }
        if (!ex.key().allowsProvider(resolution.provider().name())) {
            ex.fail(IngateError.providerOutOfScope(resolution.provider().name()));
            return;
        }
        ex.provider(resolution.provider());
        Target primary = new Target(resolution.provider(), java.util.Optional.empty(), Target.Origin.RESOLVED);
        ex.attribute(Plan.KEY, new Plan(FallbackChains.withFallbacks(ex.state(), ex.key(), List.of(primary))));
        next.handle(ex);
    }
}
