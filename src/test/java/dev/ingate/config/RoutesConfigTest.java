package dev.ingate.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code routes:}, {@code retries:} and {@code circuit_breaker:} in the config file, and route bodies of the admin API. */
class RoutesConfigTest {

    /** The README's example with a provider of the file added. */
    static final String EXAMPLE = """
            providers:
              azure: { type: openai, base_url: https://myorg.openai.azure.com }
            routes:                          # model name, alias or glob -> ordered, weighted targets
              - model: fast                  # exact name/alias, or a glob like "claude-*"
                strategy: weighted           # priority (default) | weighted | lowest_latency | lowest_cost
                targets:
                  - { provider: openai, model: gpt-4o-mini, weight: 3 }       # model optional: keep the requested model
                  - { provider: anthropic, model: claude-3-5-haiku-latest, weight: 1 }   # weight default 1
              - model: auto
                strategy: lowest_cost
                targets:
                  - { provider: openai, model: gpt-4o }
                  - { provider: anthropic, model: claude-3-5-sonnet-latest }
              - model: "claude-*"
                targets: [ { provider: anthropic }, { provider: azure, model: gpt-4o } ]
            retries: { max: 2, backoff: 100ms, max_backoff: 2s }
            circuit_breaker: { failures: 0, cooldown: 1m }
            """;

    private static IngateConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, "config.yaml", Map.of());
    }

    private static String error(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(yaml));
        assertThat(e).as("expected a ConfigException for:%n%s", yaml).isNotNull();
        return e.getMessage();
    }

    private static String route(String body) {
        return "routes:\n  - " + body + "\n";
    }

    @Test
    void theExampleParses() {
        IngateConfig config = parse(EXAMPLE);
        assertThat(config.routes()).extracting(RouteRule::model).containsExactly("fast", "auto", "claude-*");
        RouteRule fast = config.routes().get(0);
        assertThat(fast.strategy()).isEqualTo(RouteStrategy.WEIGHTED);
        assertThat(fast.isGlob()).isFalse();
        assertThat(fast.targets()).containsExactly(
                new RouteTarget("openai", Optional.of("gpt-4o-mini"), 3),
                new RouteTarget("anthropic", Optional.of("claude-3-5-haiku-latest"), 1));
        assertThat(config.routes().get(1).strategy()).isEqualTo(RouteStrategy.LOWEST_COST);
        RouteRule claude = config.routes().get(2);
        assertThat(claude.strategy()).as("the default strategy").isEqualTo(RouteStrategy.PRIORITY);
        assertThat(claude.isGlob()).isTrue();
        assertThat(claude.targets().get(0)).isEqualTo(new RouteTarget("anthropic", Optional.empty(), 1));
        assertThat(claude.targets().get(1).provider()).as("a provider of the file").isEqualTo("azure");
        assertThat(config.dispatch()).isEqualTo(new DispatchSettings(2, Duration.ofMillis(100), Duration.ofSeconds(2), 0, Duration.ofMinutes(1)));
        assertThat(config.dispatch().breakerEnabled()).isFalse();
    }

    @Test
    void theReadmeRoutingExampleParsesAsDocumented() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("### Model routing");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        IngateConfig config = parse(readme.substring(start, readme.indexOf("```", start)));
        assertThat(config.routes()).extracting(RouteRule::model).containsExactly("fast", "auto", "claude-*");
        assertThat(config.routes().get(0).targets()).extracting(RouteTarget::weight).containsExactly(3, 1);
        assertThat(config.dispatch()).isEqualTo(DispatchSettings.defaults());
    }

    @Test
    void withoutTheSectionsThereAreNoRoutesAndTheDefaults() {
        IngateConfig config = parse("default_provider: openai\n");
        assertThat(config.routes()).isEmpty();
        assertThat(config.dispatch()).isEqualTo(DispatchSettings.defaults());
        assertThat(DispatchSettings.defaults()).isEqualTo(new DispatchSettings(0, Duration.ofMillis(250), Duration.ofSeconds(8), 5, Duration.ofSeconds(30)));
        assertThat(IngateConfig.empty().dispatch()).isEqualTo(DispatchSettings.defaults());
        assertThat(parse("retries: { max: 1 }\n").dispatch())
                .isEqualTo(new DispatchSettings(1, Duration.ofMillis(250), Duration.ofSeconds(8), 5, Duration.ofSeconds(30)));
    }

    @Test
    void everyStrategyHasItsConfigName() {
        for (String name : RouteStrategy.NAMES) {
            RouteRule rule = parse(route("{ model: m, strategy: " + name + ", targets: [ { provider: openai } ] }")).routes().getFirst();
            assertThat(rule.strategy().configName()).isEqualTo(name);
        }
    }

    @Test
    void badRoutesAreNamedByFileLineAndKey() {
        assertThat(error(route("{ model: m, strategy: fastest, targets: [ { provider: openai } ] }"))).isEqualTo(
                "config.yaml:2: routes[0].strategy: unknown strategy \"fastest\" (expected one of: priority, weighted, lowest_latency, lowest_cost)");
        assertThat(error(route("{ model: m, targets: [] }"))).isEqualTo("config.yaml:2: routes[0].targets: a route needs at least one target");
        assertThat(error(route("{ model: m }"))).isEqualTo("config.yaml:2: routes[0]: missing required key \"targets\"");
        assertThat(error(route("{ targets: [ { provider: openai } ] }"))).isEqualTo("config.yaml:2: routes[0]: missing required key \"model\"");
        assertThat(error("routes:\n  - model: m\n    targets:\n      - { provider: ghost }\n")).isEqualTo(
                "config.yaml:4: routes[0].targets[0].provider: unknown provider \"ghost\" (known: openai, anthropic, ollama)");
        assertThat(error(route("{ model: m, targets: [ { provider: openai, weight: 0 } ] }"))).isEqualTo(
                "config.yaml:2: routes[0].targets[0].weight: must be at least 1, got 0");
        assertThat(error(route("{ model: m, targets: [ { provider: openai, weight: heavy } ] }"))).isEqualTo(
                "config.yaml:2: routes[0].targets[0].weight: expected a whole number, got \"heavy\"");
        assertThat(error(route("{ model: m, targets: [ { provider: openai, weight: 2000000 } ] }"))).isEqualTo(
                "config.yaml:2: routes[0].targets[0].weight: must be at most 1000000, got 2000000");
        assertThat(error(route("{ model: m, targets: [ { provider: openai, modle: x } ] }"))).isEqualTo(
                "config.yaml:2: routes[0].targets[0].modle: unknown key (expected one of: provider, model, weight)");
        assertThat(error(route("{ model: m, stratgy: weighted, targets: [ { provider: openai } ] }"))).isEqualTo(
                "config.yaml:2: routes[0].stratgy: unknown key (expected one of: model, strategy, targets)");
        assertThat(error("routes: { model: m }\n")).isEqualTo("config.yaml:1: routes: expected a list, got a mapping");
        assertThat(error(route("{ model: auto, targets: [ { provider: openai, model: gpt-4o-mini }, { provider: openai } ] }"))).isEqualTo(
                "config.yaml:2: routes[0].targets[1].model: a target of the \"auto\" route must name its model");
    }

    @Test
    void aDuplicateModelPatternNamesBothEntries() {
        assertThat(error("""
                routes:
                  - { model: "claude-*", targets: [ { provider: anthropic } ] }
                  - { model: fast, targets: [ { provider: openai } ] }
                  - model: "claude-*"
                    targets: [ { provider: openai } ]
                """)).isEqualTo("config.yaml:4: routes[2].model: duplicate model pattern \"claude-*\" (also routes[0])");
    }

    @Test
    void badRetriesAndBreakerSettings() {
        assertThat(error("retries: { max: -1 }\n")).isEqualTo("config.yaml:1: retries.max: must be at least 0, got -1");
        assertThat(error("retries:\n  max: 1\n  backof: 1s\n")).startsWith("config.yaml:3: retries.backof: unknown key (expected one of: max, backoff, max_backoff)");
        assertThat(error("retries: { backoff: soon }\n")).startsWith("config.yaml:1: retries.backoff: invalid duration \"soon\"");
        assertThat(error("retries: { backoff: 2s, max_backoff: 1s }\n")).isEqualTo("config.yaml:1: retries.max_backoff: shorter than retries.backoff");
        assertThat(error("retries: { backoff: 10s }\n")).isEqualTo("config.yaml:1: retries.backoff: longer than retries.max_backoff (default 8s)");
        assertThat(error("circuit_breaker: { failures: -3 }\n")).isEqualTo("config.yaml:1: circuit_breaker.failures: must be at least 0, got -3");
        assertThat(error("circuit_breaker: { cooldown: 0s }\n")).isEqualTo("config.yaml:1: circuit_breaker.cooldown: duration must be greater than zero");
        assertThat(error("circuit_breaker: 5\n")).isEqualTo("config.yaml:1: circuit_breaker: expected a mapping, got \"5\"");
    }

    @Test
    void aRouteBodyIsCheckedByTheSameRulesWithItsOwnPaths() {
        RouteRule rule = ConfigLoader.parseRoute("{\"model\":\"gpt-*\",\"strategy\":\"lowest_latency\",\"targets\":[{\"provider\":\"groq\",\"weight\":2}]}",
                "body", Set.of("groq"));
        assertThat(rule).isEqualTo(new RouteRule("gpt-*", RouteStrategy.LOWEST_LATENCY, List.of(new RouteTarget("groq", Optional.empty(), 2))));
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parseRoute(
                "{\"model\":\"m\",\"targets\":[{\"provider\":\"groq\"},{\"provider\":\"openai\"}]}", "body", Set.of("groq")));
        assertThat(e.path()).isEqualTo("targets[1].provider");
        assertThat(e.problem()).isEqualTo("unknown provider \"openai\" (known: groq)");
    }
}
