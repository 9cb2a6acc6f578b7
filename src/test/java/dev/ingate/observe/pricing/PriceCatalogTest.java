package dev.ingate.observe.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceCatalogTest {

    private static PriceCatalog at(String instant) {
        return PriceCatalog.load(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private static final PriceCatalog CATALOG = at("2026-01-01T12:00:00Z");

    private static String where(Optional<ModelPrice> price) {
        return price.map(p -> p.providerId() + "/" + p.modelId()).orElse("none");
    }

    @Test
    void findsByProviderIdAndModelNameInDataOrder() {
        ModelPrice gpt4o = CATALOG.find("openai", "gpt-4o-2024-08-06").orElseThrow();
        assertThat(gpt4o.modelId()).isEqualTo("gpt-4o");
        assertThat(gpt4o.rates().input().base()).isEqualByComparingTo("2.5");
        assertThat(gpt4o.rates().cacheRead().base()).isEqualByComparingTo("1.25");
        assertThat(gpt4o.contextWindow()).isEqualTo(128_000);
        // gpt-4o-mini has its own entry, not gpt-4o's prices
        assertThat(where(CATALOG.find("OpenAI", " GPT-4o-mini "))).isEqualTo("openai/gpt-4o-mini");
        assertThat(where(CATALOG.find("anthropic", "claude-3-5-sonnet-20241022"))).isEqualTo("anthropic/claude-3-5-sonnet");
    }

    @Test
    void mapsIngateProviderNamesAndTypes() {
        assertThat(where(CATALOG.find("gemini", "gemini-2.5-pro"))).isEqualTo("google/gemini-2.5-pro");
        assertThat(where(CATALOG.find("vertex", "gemini-2.0-flash"))).isEqualTo("google/gemini-2.0-flash");
        assertThat(where(CATALOG.find("bedrock", "anthropic.claude-3-5-sonnet-20240620-v1:0")))
                .startsWith("aws/");
        assertThat(where(CATALOG.find("groq", "llama-3.3-70b-versatile"))).isEqualTo("groq/llama-3.3-70b-versatile");
        assertThat(where(CATALOG.find("mistral", "mistral-large-latest"))).startsWith("mistral/");
        assertThat(where(CATALOG.find("deepseek", "deepseek-chat"))).isEqualTo("deepseek/deepseek-chat");
        assertThat(where(CATALOG.find("together", "meta-llama/Llama-3.3-70B-Instruct-Turbo"))).startsWith("together/");
        assertThat(where(CATALOG.find("xai", "grok-3"))).isEqualTo("x-ai/grok-3");
        assertThat(where(CATALOG.find("grok", "grok-3"))).isEqualTo("x-ai/grok-3");
        // a configured Azure name prices as Azure, which serves OpenAI's and Anthropic's models
        assertThat(where(CATALOG.find("azure-openai", "o3-mini"))).isEqualTo("azure/o3-mini");
        assertThat(where(CATALOG.find("azure-gpt4", "gpt-4o"))).isEqualTo("openai/gpt-4o");
        assertThat(where(CATALOG.find("azure", "claude-sonnet-4-5"))).isEqualTo("anthropic/claude-sonnet-4-5");
        // a name that says nothing: the provider's type decides
        assertThat(CATALOG.find("corp-llm", "gpt-4o")).isEmpty();
        assertThat(where(CATALOG.find("corp-llm", "openai", "gpt-4o"))).isEqualTo("openai/gpt-4o");
    }

    @Test
    void localServersAreFree() {
        ModelPrice local = CATALOG.find("ollama", "llama3.2:latest").orElseThrow();
        assertThat(local.free()).isTrue();
        assertThat(local.cost(Usage.of(1_000_000, 1_000_000)).totalUsd()).isZero();
        assertThat(CATALOG.find("my-ollama-box", "qwen3")).isPresent();
        assertThat(CATALOG.find("corp", "ollama", "anything")).isPresent();
    }

    @Test
    void unknownModelsAndProvidersGiveNothing() {
        assertThat(CATALOG.find("openai", "no-such-model")).isEmpty();
        assertThat(CATALOG.find("no-such-provider", "gpt-4o")).isEmpty();
        assertThat(CATALOG.find("openai", "")).isEmpty();
        assertThat(CATALOG.find(null, null)).isEmpty();
        assertThat(CATALOG.findAnyProvider("no-such-model-xyz")).isEmpty();
        // OpenRouter ids are not cut down to guess another provider's model
        assertThat(CATALOG.find("openai", "openai/gpt-4o")).isEmpty();
        // but Gemini's resource names are
        assertThat(where(CATALOG.find("google", "models/gemini-2.5-flash"))).isEqualTo("google/gemini-2.5-flash");
    }

    @Test
    void findAnyProviderPrefersTheProviderThatClaimsTheName() {
        assertThat(where(CATALOG.findAnyProvider("gpt-4o"))).isEqualTo("openai/gpt-4o");
        assertThat(where(CATALOG.findAnyProvider("claude-3-5-haiku-20241022"))).startsWith("anthropic/");
        assertThat(where(CATALOG.findAnyProvider("gemini-2.0-flash"))).isEqualTo("google/gemini-2.0-flash");
        assertThat(where(CATALOG.findAnyProvider("o3-mini"))).isEqualTo("openai/o3-mini");
        // no provider claims llama names: the first provider listing one
        assertThat(CATALOG.findAnyProvider("llama-3.3-70b-versatile")).isPresent();
    }

    @Test
    void timeDependentPricesFollowTheClock() {
        // o3's price dropped on 2025-06-10
        assertThat(at("2025-06-09T23:59:59Z").find("openai", "o3").orElseThrow().rates().input().base())
                .isEqualByComparingTo("10");
        assertThat(at("2025-06-10T00:00:00Z").find("openai", "o3").orElseThrow().rates().input().base())
                .isEqualByComparingTo("2");
        // DeepSeek: standard 00:30–16:30 UTC, off-peak otherwise
        ModelPrice deepseek = CATALOG.find("deepseek", "deepseek-chat").orElseThrow();
        assertThat(deepseek.timeDependent()).isTrue();
        assertThat(deepseek.ratesAt(Instant.parse("2026-01-01T12:00:00Z")).input().base()).isEqualByComparingTo("0.27");
        assertThat(deepseek.ratesAt(Instant.parse("2026-01-01T18:00:00Z")).input().base()).isEqualByComparingTo("0.135");
        assertThat(deepseek.ratesAt(Instant.parse("2026-01-01T00:29:59Z")).input().base()).isEqualByComparingTo("0.135");
        assertThat(CostCalculator.cost(deepseek, Usage.of(1_000_000, 0), Instant.parse("2026-01-01T20:00:00Z"))
                .totalUsd()).isEqualByComparingTo("0.135");
    }

    @Test
    void tieredCatalogPricesApplyAboveTheThreshold() {
        // claude-sonnet-4-6 is tiered at 200k input until 2026-03-13
        ModelPrice sonnet = CATALOG.find("anthropic", "claude-sonnet-4-6").orElseThrow();
        Cost big = sonnet.cost(Usage.fromAnthropic(150_000, 60_000, 0, 1000));
        assertThat(big.inputUsd()).isEqualByComparingTo("0.936"); // 150k × 6 + 60k × 0.6
        assertThat(big.outputUsd()).isEqualByComparingTo("0.0225"); // 1000 × 22.5
        Cost afterChange = CostCalculator.cost(sonnet, Usage.fromAnthropic(150_000, 60_000, 0, 1000),
                Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(afterChange.inputUsd()).isEqualByComparingTo("0.468"); // flat 3 and 0.3
    }

    @Test
    void knowsMaximumOutputWhereItMatters() {
        assertThat(CATALOG.find("anthropic", "claude-3-5-sonnet-20241022").orElseThrow().maxOutputTokens()).isEqualTo(8192);
        assertThat(CATALOG.find("anthropic", "claude-3-7-sonnet-20250219").orElseThrow().maxOutputTokens()).isEqualTo(64000);
        assertThat(CATALOG.find("anthropic", "claude-opus-4-1-20250805").orElseThrow().maxOutputTokens()).isEqualTo(32000);
        assertThat(CATALOG.find("anthropic", "claude-3-haiku-20240307").orElseThrow().maxOutputTokens()).isEqualTo(4096);
        assertThat(CATALOG.find("openai", "gpt-4o").orElseThrow().maxOutputTokens()).isEqualTo(16384);
        ModelPrice unknown = CATALOG.find("groq", "llama-3.3-70b-versatile").orElseThrow();
        assertThat(unknown.maxOutputTokens()).isZero();
        assertThat(unknown.maxOutputTokensOr(4096)).isEqualTo(4096);
    }

    @Test
    void lookupsAreCachedAndTheCacheStaysBounded() {
        PriceCatalog catalog = at("2026-01-01T12:00:00Z");
        Optional<ModelPrice> first = catalog.find("openai", "gpt-4o");
        assertThat(catalog.find("openai", "gpt-4o")).isSameAs(first);
        for (int i = 0; i < PriceCatalog.CACHE_LIMIT + 500; i++) {
            catalog.find("openai", "unknown-" + i);
        }
        assertThat(catalog.cachedLookups()).isLessThanOrEqualTo(PriceCatalog.CACHE_LIMIT);
    }

    @Test
    void lookupSpeed() {
        // No timing assertion (CI machines vary): this shows the per-request cost in the log.
        PriceCatalog catalog = PriceCatalog.load();
        String[] models = {"gpt-4o", "gpt-4o-mini", "o3-mini", "gpt-4.1"};
        int n = 200_000;
        long start = System.nanoTime();
        int found = 0;
        for (int i = 0; i < n; i++) {
            found += catalog.find("openai", models[i & 3]).isPresent() ? 1 : 0;
        }
        long nanos = System.nanoTime() - start;
        System.out.printf("price lookup: %d ns per cached find%n", nanos / n);
        assertThat(found).isEqualTo(n);
        assertThat(PriceCatalog.load()).isSameAs(catalog); // parsed once, shared
    }
}
