package dev.ingate.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One place a routing rule may send a request.
 *
 * @param model  the model to ask that provider for; empty keeps the model the caller asked for
 * @param weight share of first picks under {@link RouteStrategy#WEIGHTED}, at least 1 (ignored by the other strategies)
 */
public record RouteTarget(String provider, Optional<String> model, int weight) {

    public static final int MAX_WEIGHT = 1_000_000;

    public RouteTarget {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        if (weight < 1 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("weight must be from 1 to " + MAX_WEIGHT + ", got " + weight);
        }
    }

    /** The model to look this target up by (prices, latency): its own, else the requested one. */
    public String modelFor(String requestedModel) {
        return model.orElse(requestedModel);
    }
}
