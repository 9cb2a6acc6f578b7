package dev.ingate.observe.pricing;

import dev.ingate.config.PriceOverride;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PriceOverridesTest {

    private static final PriceCatalog CATALOG = PriceCatalog.load();

    private static PriceOverride override(String model, String in, String out, String cached) {
        return new PriceOverride(model, new BigDecimal(in), new BigDecimal(out),
                Optional.ofNullable(cached).map(BigDecimal::new), Optional.empty());
    }

    @Test
    void anOverrideWinsOverTheCatalogAtEveryProvider() {
        PriceCatalog priced = CATALOG.withOverrides(List.of(override("gpt-4o", "1", "2", "0.5")));
        Usage usage = Usage.fromInclusive(1_000_000, 400_000, 0, 1_000_000, 0);
        assertThat(priced.find("openai", "gpt-4o").orElseThrow().cost(usage).totalUsd())
                .isEqualByComparingTo("2.8");   // 600k × $1 + 400k cached × $0.5 + 1M × $2
        assertThat(priced.find("azure-gpt4", "openai", "GPT-4o").orElseThrow().cost(usage).totalUsd()).isEqualByComparingTo("2.8");
        assertThat(CATALOG.find("openai", "gpt-4o").orElseThrow().cost(usage).totalUsd()).isNotEqualByComparingTo("2.8");
    }

    @Test
    void globsMatchInFileOrderAndUnknownModelsGetAPrice() {
        PriceCatalog priced = CATALOG.withOverrides(List.of(
                override("ft:gpt-4o-mini:acme:*", "0.3", "1.2", null),
                override("ft:*", "9", "9", null)));
        Usage usage = Usage.fromInclusive(1_000_000, 0, 0, 0, 0);
        assertThat(priced.find("openai", "ft:gpt-4o-mini:acme:v2").orElseThrow().cost(usage).totalUsd()).isEqualByComparingTo("0.3");
        assertThat(priced.find("openai", "ft:other").orElseThrow().cost(usage).totalUsd()).isEqualByComparingTo("9");
        assertThat(priced.findAnyProvider("ft:other")).isPresent();
        assertThat(CATALOG.find("openai", "ft:other")).isEmpty();
    }

    @Test
    void cachedInputDefaultsToTheInputPrice() {
        PriceCatalog priced = CATALOG.withOverrides(List.of(override("house-model", "2", "4", null)));
        Usage cachedOnly = Usage.fromInclusive(1_000_000, 1_000_000, 0, 0, 0);
        assertThat(priced.find("custom", "house-model").orElseThrow().cost(cachedOnly).totalUsd()).isEqualByComparingTo("2");
        assertThat(CATALOG.withOverrides(List.of())).isSameAs(CATALOG);
    }
}
