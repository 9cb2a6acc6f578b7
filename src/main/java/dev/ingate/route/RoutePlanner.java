package dev.ingate.route;

import dev.ingate.config.RouteRule;
import dev.ingate.config.RouteTarget;
import dev.ingate.observe.pricing.ModelPrice;
import dev.ingate.observe.pricing.PriceCatalog;
import dev.ingate.observe.pricing.Rate;
import dev.ingate.observe.pricing.Rates;
import dev.ingate.provider.Provider;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Orders a routing rule's targets for one request, by the rule's strategy: the dispatcher tries them in this order
 * (the first, then the next on a retryable failure). Pure apart from the latency it reads and the random draws; runs
 * on the event loop, so it never blocks and allocates little: the answer (an array and its list view), for the
 * latency and cost strategies an array of sort keys, and for cost the price catalog's own cached lookup per target.
 * PRIORITY and single-target rules allocate nothing.
 */
public final class RoutePlanner {

    private final LatencyTracker latency;
    private final PriceCatalog prices;
    private final RandomGenerator random;

    /** @param random shared by every event loop: it must be thread-safe (a seeded {@link java.util.Random} is, for tests) */
    public RoutePlanner(LatencyTracker latency, PriceCatalog prices, RandomGenerator random) {
        this.latency = latency;
        this.prices = prices;
        this.random = random;
    }

    /** With each thread's own {@link ThreadLocalRandom}: no contention between event loops. */
    public RoutePlanner(LatencyTracker latency, PriceCatalog prices) {
        this(latency, prices, () -> ThreadLocalRandom.current().nextLong());
    }

    /**
     * {@link #order(RouteRule, String, Map)} without the providers: prices are looked up by provider name alone,
     * which finds the built-ins and names the catalog knows ({@code openai}, {@code anthropic}, {@code groq}, …).
     */
    public List<RouteTarget> order(RouteRule rule, String requestedModel) {
        return order(rule, requestedModel, Map.of());
    }

    /**
     * Every target of {@code rule}, in the order to try them. A target without a model is looked up (latency, price)
     * by {@code requestedModel}.
     *
     * @param providers the request's snapshot of providers ({@code GatewayState.providers()}): a provider's type lets
     *                  {@code corp} of type {@code openai} be priced as OpenAI
     */
    public List<RouteTarget> order(RouteRule rule, String requestedModel, Map<String, Provider> providers) {
        List<RouteTarget> targets = rule.targets();
        if (targets.size() < 2) {
            return targets;
        }
        return switch (rule.strategy()) {
            case PRIORITY -> targets;
            case WEIGHTED -> weighted(targets);
            case LOWEST_LATENCY -> lowestLatency(targets, requestedModel);
            case LOWEST_COST -> lowestCost(targets, requestedModel, providers);
        };
    }

    /** Weighted random without replacement: each pick by weight among the targets not picked yet. */
    private List<RouteTarget> weighted(List<RouteTarget> targets) {
        RouteTarget[] pool = targets.toArray(new RouteTarget[0]);
        long remaining = 0;
        for (RouteTarget t : pool) {
            remaining += t.weight();
        }
        for (int i = 0; i < pool.length - 1; i++) {
            long draw = random.nextLong(remaining);
            int pick = i;
            while (draw >= pool[pick].weight()) {
                draw -= pool[pick].weight();
                pick++;
            }
            RouteTarget chosen = pool[pick];
            pool[pick] = pool[i];
            pool[i] = chosen;
            remaining -= chosen.weight();
        }
        return view(pool);
    }

    /** Never-measured targets first, in listed order (so each gets measured), then the fastest average first. */
    private List<RouteTarget> lowestLatency(List<RouteTarget> targets, String requestedModel) {
        RouteTarget[] sorted = targets.toArray(new RouteTarget[0]);
        double[] keys = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            double average = latency.averageOrNaN(sorted[i].provider(), sorted[i].modelFor(requestedModel));
            keys[i] = Double.isNaN(average) ? Double.NEGATIVE_INFINITY : average;
        }
        return view(stableSort(sorted, keys));
    }

    /** Cheapest input + output list price first; unknown prices last, in listed order. */
    private List<RouteTarget> lowestCost(List<RouteTarget> targets, String requestedModel, Map<String, Provider> providers) {
        RouteTarget[] sorted = targets.toArray(new RouteTarget[0]);
        double[] keys = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            keys[i] = pricePerMillion(sorted[i], requestedModel, providers);
        }
        return view(stableSort(sorted, keys));
    }

    /**
     * USD per million input tokens plus per million output tokens, at the base (untiered) rates; +infinity when the
     * catalog does not know the model there. One side missing (an embedding model has no output price) counts as zero.
     */
    double pricePerMillion(RouteTarget target, String requestedModel, Map<String, Provider> providers) {
        String model = target.modelFor(requestedModel);
        if (model == null) {
            return Double.POSITIVE_INFINITY;
        }
        Provider provider = providers.get(target.provider());
        String type = provider == null ? null : provider.shape().configName();
        Optional<ModelPrice> price = prices.find(target.provider(), type, model);
        if (price.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        Rates rates = price.get().rates();
        if (rates.input() == null && rates.output() == null) {
            return Double.POSITIVE_INFINITY;
        }
        return base(rates.input()) + base(rates.output());
    }

    private static double base(Rate rate) {
        return rate == null ? 0 : rate.base().doubleValue();
    }

    /** Insertion sort by key, ties in their original order: a rule has a handful of targets. */
    private static RouteTarget[] stableSort(RouteTarget[] targets, double[] keys) {
        for (int i = 1; i < targets.length; i++) {
            RouteTarget target = targets[i];
            double key = keys[i];
            int j = i - 1;
            while (j >= 0 && keys[j] > key) {
                targets[j + 1] = targets[j];
                keys[j + 1] = keys[j];
                j--;
            }
            targets[j + 1] = target;
            keys[j + 1] = key;
        }
        return targets;
    }

    private static List<RouteTarget> view(RouteTarget[] targets) {
        return Collections.unmodifiableList(Arrays.asList(targets));
    }
}
