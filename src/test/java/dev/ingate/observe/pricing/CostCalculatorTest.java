package dev.ingate.observe.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostCalculatorTest {

    // gpt-4o-like: $2.50 input, $1.25 cached input, $10 output per million
    private static final Rates OPENAI = Rates.of("2.5", "10").withCache("1.25", null);
    // claude-sonnet-like: $3 input, $0.30 cache read, $3.75 cache write, $15 output
    private static final Rates ANTHROPIC = Rates.of("3", "15").withCache("0.3", "3.75");

    private static BigDecimal usd(String s) {
        return new BigDecimal(s);
    }

    @Test
    void openAiCachedTokensAreBilledOnceAtTheCacheRate() {
        Cost cost = CostCalculator.cost(OPENAI, Usage.fromOpenAi(1000, 800, 0, 0));
        // 200 × 2.50/M + 800 × 1.25/M — not 1000 × 2.50 + 800 × 1.25
        assertThat(cost.inputUsd()).isEqualByComparingTo(usd("0.0005").add(usd("0.001")));
        assertThat(cost.totalUsd()).isEqualByComparingTo("0.0015");
    }

    @Test
    void anthropicUsageOfTheSameRequestCostsTheSame() {
        Cost openAiShape = CostCalculator.cost(OPENAI, Usage.fromOpenAi(1000, 800, 0, 0));
        Cost anthropicShape = CostCalculator.cost(OPENAI, Usage.fromAnthropic(200, 800, 0, 0));
        assertThat(anthropicShape).isEqualTo(openAiShape);
    }

    @Test
    void cacheWritesHaveTheirOwnPrice() {
        Cost cost = CostCalculator.cost(ANTHROPIC, Usage.fromAnthropic(100, 1000, 2000, 500));
        // 100 × 3 + 1000 × 0.30 + 2000 × 3.75 = 300 + 300 + 7500 → $0.0081; 500 × 15 → $0.0075
        assertThat(cost.inputUsd()).isEqualByComparingTo("0.0081");
        assertThat(cost.outputUsd()).isEqualByComparingTo("0.0075");
    }

    @Test
    void reasoningIsBilledAsOutputOnlyOnce() {
        Cost cost = CostCalculator.cost(OPENAI, Usage.fromOpenAi(0, 0, 1000, 800));
        assertThat(cost.outputUsd()).isEqualByComparingTo("0.01");
    }

    @Test
    void missingCachePricesFallBackToTheInputPrice() {
        Rates flat = Rates.of("1", "2");
        Cost cost = CostCalculator.cost(flat, Usage.fromAnthropic(100, 200, 300, 0));
        assertThat(cost.inputUsd()).isEqualByComparingTo("0.0006"); // all 600 at $1/M: never free
    }

    @Test
    void tiersApplyToAllTokensOnceTotalInputPassesTheThreshold() {
        Rate input = new Rate(usd("3"), List.of(new Rate.Tier(200_000, usd("6"))));
        Rate output = new Rate(usd("15"), List.of(new Rate.Tier(200_000, usd("22.5"))));
        Rate read = new Rate(usd("0.3"), List.of(new Rate.Tier(200_000, usd("0.6"))));
        Rates tiered = new Rates(input, output, read, null, null, null, null, null);

        // exactly at the threshold: base prices
        Cost at = CostCalculator.cost(tiered, Usage.fromAnthropic(150_000, 50_000, 0, 1000));
        assertThat(at.inputUsd()).isEqualByComparingTo("0.465"); // 150k × 3 + 50k × 0.3
        assertThat(at.outputUsd()).isEqualByComparingTo("0.015");

        // one more cached token: the whole request moves to the tier, output too ("cliff")
        Cost over = CostCalculator.cost(tiered, Usage.fromAnthropic(150_000, 50_001, 0, 1000));
        assertThat(over.inputUsd()).isEqualByComparingTo("0.9300006"); // 150k × 6 + 50,001 × 0.6
        assertThat(over.outputUsd()).isEqualByComparingTo("0.0225");
    }

    @Test
    void theHighestTierPassedWins() {
        Rate rate = new Rate(usd("1"), List.of(new Rate.Tier(500_000, usd("3")), new Rate.Tier(100_000, usd("2"))));
        assertThat(rate.perMillion(100_000)).isEqualByComparingTo("1");
        assertThat(rate.perMillion(100_001)).isEqualByComparingTo("2");
        assertThat(rate.perMillion(900_000)).isEqualByComparingTo("3");
    }

    @Test
    void audioUsesAudioPricesWhenTheModelHasThem() {
        Rates audio = new Rates(Rate.flat("2.5"), Rate.flat("10"), Rate.flat("1.25"), null,
                Rate.flat("40"), Rate.flat("2.5"), Rate.flat("80"), null);
        Usage u = Usage.fromOpenAi(1000, 400, 100, 0).withAudio(300, 100, 60);
        Cost cost = CostCalculator.cost(audio, u);
        // text: 400 × 2.5 + 300 × 1.25; audio: 200 × 40 + 100 × 2.5 → (1000 + 375 + 8000 + 250) / 1M
        assertThat(cost.inputUsd()).isEqualByComparingTo("0.009625");
        // 40 text × 10 + 60 audio × 80 → 5200 / 1M
        assertThat(cost.outputUsd()).isEqualByComparingTo("0.0052");
        // without audio prices audio is billed as text
        Cost asText = CostCalculator.cost(OPENAI, Usage.fromOpenAi(1000, 400, 100, 0));
        assertThat(CostCalculator.cost(OPENAI, u).totalUsd()).isEqualByComparingTo(asText.totalUsd());
    }

    @Test
    void perRequestFeesAreKeptApart() {
        Rates perRequest = new Rates(Rate.flat("1"), Rate.flat("1"), null, null, null, null, null, usd("5"));
        Cost cost = CostCalculator.cost(perRequest, Usage.of(1_000_000, 0));
        assertThat(cost.inputUsd()).isEqualByComparingTo("1");
        assertThat(cost.requestsUsd()).isEqualByComparingTo("0.005");
        assertThat(cost.totalUsd()).isEqualByComparingTo("1.005");
    }

    @Test
    void arithmeticIsExactDecimal() {
        Cost cost = CostCalculator.cost(Rates.of("0.135", "0.55"), Usage.of(3, 7));
        assertThat(cost.inputUsd()).isEqualTo(usd("0.000000405"));
        assertThat(cost.outputUsd()).isEqualTo(usd("0.00000385"));
        assertThat(CostCalculator.cost(Rates.FREE, Usage.of(1_000_000, 1_000_000)).totalUsd()).isZero();
    }
}
