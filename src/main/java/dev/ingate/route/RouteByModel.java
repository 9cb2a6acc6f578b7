package dev.ingate.route;

import dev.ingate.config.RouteRule;
import dev.ingate.config.RouteTarget;
import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.Handler;
import dev.ingate.pipeline.IngateError;
import dev.ingate.pipeline.Interceptor;
import dev.ingate.provider.Provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * SPEC section 3's second step: a routing rule for the requested model (name, alias or glob) replaces the
 * path's provider with the rule's targets in its strategy's order, followed by the first target's fallback
 * chain. Without a matching rule the path's resolution, kept by {@link ResolveProvider}, applies.
 */
public final class RouteByModel implements Interceptor {

    private final Supplier<RoutePlanner> planner;

    public RouteByModel(Supplier<RoutePlanner> planner) {
        this.planner = planner;
    }

    @Override
    public void intercept(Exchange ex, Handler next) {
        ProviderResolver.Resolution deferred = ex.attribute(ResolveProvider.DEFERRED);
        if (deferred == null) {
            next.handle(ex);   // the header chose, or there are no rules: resolved already
            return;
        }
        Optional<RouteRule> rule = ex.model() == null ? Optional.empty() : ex.state().routes().match(ex.model());
        if (rule.isEmpty()) {
            if (ResolveProvider.apply(ex, deferred)) {
                next.handle(ex);
            }
            return;
        }
        List<Target> targets = new ArrayList<>(rule.get().targets().size());
        String refused = null;
        for (RouteTarget target : planner.get().order(rule.get(), ex.model(), ex.state().providers())) {
            Provider provider = ex.state().providers().get(target.provider());
            if (provider == null || !provider.enabled()) {
                continue;
            }
            if (!ex.key().allowsProvider(provider.name())) {
                refused = provider.name();
                continue;
            }
            targets.add(new Target(provider, target.model(), Target.Origin.ROUTE));
        }
        if (targets.isEmpty()) {
            ex.fail(refused != null ? IngateError.providerOutOfScope(refused)
                    : new IngateError(IngateError.Kind.NOT_FOUND, "provider_not_found",
                    "No provider of the route for '" + rule.get().model() + "' is configured and enabled"));
            return;
        }
        ex.provider(targets.getFirst().provider());
        ex.attribute(Plan.KEY, new Plan(FallbackChains.withFallbacks(ex.state(), ex.key(), targets)));
        next.handle(ex);
    }
}
