package dev.ingate.route;

import dev.ingate.config.IngateConfig.ProviderEntry;
import dev.ingate.config.RouteRule;
import dev.ingate.config.RouteStrategy;
import dev.ingate.config.RouteTarget;
import dev.ingate.observe.pricing.PriceCatalog;
import dev.ingate.provider.Provider;
import dev.ingate.provider.ProviderCatalog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RoutePlannerTest {

    private static final PriceCatalog PRICES = PriceCatalog.load();

    private static RouteTarget target(String provider, String model, int weight) {
        return new RouteTarget(provider, Optional.ofNullable(model), weight);
    }

    private static RouteRule rule(RouteStrategy strategy, RouteTarget... targets) {
        return new RouteRule("m", strategy, List.of(targets));
    }

    private static List<String> names(List<RouteTarget> targets) {
        return targets.stream().map(t -> t.provider() + "/" + t.model().orElse("-")).toList();
    }

    @Test
    void priorityKeepsTheListedOrder() {
        RoutePlanner planner = new RoutePlanner(new LatencyTracker(), PRICES, new Random(1));
        RouteRule rule = rule(RouteStrategy.PRIORITY, target("b", null, 1), target("a", null, 9), target("c", null, 1));
        assertThat(planner.order(rule, "gpt-4o")).isSameAs(rule.targets());
    }

    @Test
    void weightedFirstPicksFollowTheWeights() {
        RoutePlanner planner = new RoutePlanner(new LatencyTracker(), PRICES, new Random(42));
        RouteRule rule = rule(RouteStrategy.WEIGHTED, target("openai", "gpt-4o-mini", 3), target("anthropic", "claude-3-5-haiku-latest", 1));
        int draws = 10_000;
        int openaiFirst = 0;
        for (int i = 0; i < draws; i++) {
            List<RouteTarget> order = planner.order(rule, "fast");
            assertThat(order).containsExactlyInAnyOrderElementsOf(rule.targets());
            if (order.getFirst().provider().equals("openai")) {
                openaiFirst++;
            }
        }
        assertThat(openaiFirst / (double) draws).isCloseTo(0.75, within(0.02));
    }

    @Test
    void weightedPicksWithoutReplacementAtEveryPlace() {
        RoutePlanner planner = new RoutePlanner(new LatencyTracker(), PRICES, new Random(7));
        RouteRule rule = rule(RouteStrategy.WEIGHTED, target("a", null, 5), target("b", null, 3), target("c", null, 2));
        Map<String, int[]> places = new HashMap<>();
        int draws = 10_000;
        for (int i = 0; i < draws; i++) {
            List<RouteTarget> order = planner.order(rule, "m");
            assertThat(order).hasSize(3).doesNotHaveDuplicates();
            for (int place = 0; place < 3; place++) {
                places.computeIfAbsent(order.get(place).provider(), k -> new int[3])[place]++;
            }
        }
        assertThat(places.get("a")[0] / (double) draws).isCloseTo(0.5, within(0.02));
        assertThat(places.get("b")[0] / (double) draws).isCloseTo(0.3, within(0.02));
        assertThat(places.get("c")[0] / (double) draws).isCloseTo(0.2, within(0.02));
        // second place, picked by weight among the two left: P(b second) = .5 * 3/5 + .2 * 3/8 = .375
        assertThat(places.get("b")[1] / (double) draws).isCloseTo(0.375, within(0.02));
        assertThat(places.get("a")[1] / (double) draws).isCloseTo(0.3 * 5 / 7 + 0.2 * 5 / 8, within(0.02));
    }

    @Test
    void weightedIsTheSameSequenceForTheSameSeed() {
        RouteRule rule = rule(RouteStrategy.WEIGHTED, target("a", null, 1), target("b", null, 2), target("c", null, 3), target("d", null, 4));
        RoutePlanner one = new RoutePlanner(new LatencyTracker(), PRICES, new Random(2026));
        RoutePlanner two = new RoutePlanner(new LatencyTracker(), PRICES, new Random(2026));
        List<List<String>> first = new ArrayList<>();
        List<List<String>> second = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            first.add(names(one.order(rule, "m")));
            second.add(names(two.order(rule, "m")));
        }
        assertThat(first).isEqualTo(second);
        assertThat(first.stream().distinct().count()).as("and it does vary").isGreaterThan(10);
        assertThat(rule.targets()).extracting(RouteTarget::provider).as("the rule is untouched").containsExactly("a", "b", "c", "d");
    }

    @Test
    void theDefaultRandomWorksFromAnyThread() {
        RoutePlanner planner = new RoutePlanner(new LatencyTracker(), PRICES);
        RouteRule rule = rule(RouteStrategy.WEIGHTED, target("a", null, 1), target("b", null, 1));
        assertThat(planner.order(rule, "m")).hasSize(2);
    }

    @Test
    void lowestLatencyTriesTheUnmeasuredFirstThenTheFastest() {
        LatencyTracker latency = new LatencyTracker();
        RoutePlanner planner = new RoutePlanner(latency, PRICES, new Random(1));
        RouteRule rule = rule(RouteStrategy.LOWEST_LATENCY,
                target("slow", "x", 1), target("fast", "x", 1), target("fresh", "x", 1), target("mid", null, 1), target("new", null, 1));
        latency.record("slow", "x", 900_000_000);
        latency.record("fast", "x", 100_000_000);
        latency.record("mid", "gpt-4o", 400_000_000);
        assertThat(names(planner.order(rule, "gpt-4o"))).containsExactly("fresh/x", "new/-", "fast/x", "mid/-", "slow/x");
        assertThat(names(planner.order(rule, "other"))).as("a target without a model is measured by the requested one")
                .containsExactly("fresh/x", "mid/-", "new/-", "fast/x", "slow/x");

        latency.record("fresh", "x", 50_000_000);
        latency.record("new", "gpt-4o", 2_000_000_000);
        for (int i = 0; i < 20; i++) {
            latency.record("fast", "x", 1_000_000_000);
        }
        assertThat(names(planner.order(rule, "gpt-4o"))).containsExactly("fresh/x", "mid/-", "slow/x", "fast/x", "new/-");
    }

    @Test
    void lowestCostUsesCatalogPricesAndPutsUnknownOnesLast() {
        RoutePlanner planner = new RoutePlanner(new LatencyTracker(), PRICES, new Random(1));
        RouteRule rule = rule(RouteStrategy.LOWEST_COST,
                target("openai", "no-such-model-anywhere", 1),
                target("anthropic", "claude-3-5-sonnet-latest", 1),
                target("openai", "gpt-4o", 1),
                target("mystery", "gpt-4o", 1),
                target("anthropic", "claude-3-5-haiku-latest", 1),
                target("openai", "gpt-4o-mini", 1));
        assertThat(names(planner.order(rule, "auto"))).containsExactly(
                "openai/gpt-4o-mini", "anthropic/claude-3-5-haiku-latest", "openai/gpt-4o", "anthropic/claude-3-5-sonnet-latest",
                "openai/no-such-model-anywhere", "mystery/gpt-4o");
    }

    @Test
    void lowestCostPricesAProviderByItsTypeAndATargetWithoutAModelByTheRequestedOne() {
        RoutePlanner planner = new RoutePlanner(new LatencyTracker(), PRICES, new Random(1));
        Provider corp = ProviderCatalog.build("corp", new ProviderEntry(Optional.of("openai"), Optional.of("https://llm.corp.example"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Map.of(), Optional.empty(), Optional.empty()), Map.of());
        Provider local = ProviderCatalog.build("ollama", new ProviderEntry(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), Map.of(), Optional.empty(), Optional.empty()), Map.of());
        RouteRule rule = rule(RouteStrategy.LOWEST_COST, target("corp", "gpt-4o", 1), target("corp", null, 1), target("ollama", "llama3.1", 1));
        assertThat(names(planner.order(rule, "gpt-4o-mini", Map.of("corp", corp, "ollama", local))))
                .as("local models are free; corp/- is gpt-4o-mini, priced as OpenAI by its type")
                .containsExactly("ollama/llama3.1", "corp/-", "corp/gpt-4o");
        assertThat(names(planner.order(rule, "gpt-4o-mini")).getLast()).as("without the providers, corp is unknown")
                .startsWith("corp/");
        assertThat(planner.pricePerMillion(target("openai", "gpt-4o-mini", 1), "x", Map.of())).isCloseTo(0.15 + 0.60, within(1e-9));
    }

    @Test
    void aSingleTargetRuleIsAnsweredAsItIs() {
        RoutePlanner planner = new RoutePlanner(new LatencyTracker(), PRICES, new Random(1));
        for (RouteStrategy strategy : RouteStrategy.values()) {
            RouteRule rule = rule(strategy, target("openai", null, 1));
            assertThat(planner.order(rule, "m")).isSameAs(rule.targets());
        }
    }
}
