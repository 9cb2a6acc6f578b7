package dev.ingate.route;

import dev.ingate.pipeline.AttributeKey;

import java.util.List;

/** The targets to try for one request, in order: the primary first, then its fallbacks. Never empty. */
public record Plan(List<Target> targets) {

    public static final AttributeKey<Plan> KEY = new AttributeKey<>("plan");

    public Plan {
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a plan needs a target");
        }
    }

    public Target primary() {
        return targets.getFirst();
    }
}
