package dev.ingate.config;

import dev.ingate.glob.Globs;

import java.util.List;
import java.util.Objects;

/**
 * A model routing rule: requests for {@code model} (an exact name or alias such as {@code fast} or {@code auto}, or a
 * glob such as {@code claude-*}) go to {@code targets}, ordered per request by {@code strategy}.
 */
public record RouteRule(String model, RouteStrategy strategy, List<RouteTarget> targets) {

    public RouteRule {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(strategy, "strategy");
        targets = List.copyOf(targets);
        if (model.isEmpty()) {
            throw new IllegalArgumentException("a route needs a model name or glob");
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("route " + model + " has no targets");
        }
    }

    /** {@code *} or {@code ?} in the pattern: it matches by glob, after every exact name. */
    public boolean isGlob() {
        return Globs.isGlob(model);
    }
}
