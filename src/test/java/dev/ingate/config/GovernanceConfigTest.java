package dev.ingate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingate.config.KeyLimits;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rate limits and budgets in the config file: key fields, limits: and budget:. */
class GovernanceConfigTest {

    private static IngateConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, "ingate.yaml", Map.of("TEAM_A_KEY", "sk-ingate-team-a"));
    }

    @Test
    void readsKeyLimitsDefaultsProviderLimitsAndTheGlobalBudget() {
        IngateConfig config = parse("""
                keys:
                  - { name: team-a, key: "${TEAM_A_KEY}", rpm: 600, tpm: 200000, budget_usd: 50, budget_period: day }
                  - { name: b, key: sk-ingate-b, budget_usd: 12.5 }
                  - { name: c, key: sk-ingate-c }
                limits:
                  rpm: 60
                  tpm: 100000
                  providers:
                    openai: { rpm: 1000, tpm: 2000000 }
                budget:
                  usd: 1000
                  period: total
                  alerts: [90, 50]
                """);
        assertThat(config.keys().get(0).limits()).isEqualTo(new KeyLimits(600, 200_000, Optional.of(new BigDecimal("50")), BudgetPeriod.DAY));
        assertThat(config.keys().get(1).limits()).isEqualTo(new KeyLimits(0, 0, Optional.of(new BigDecimal("12.5")), BudgetPeriod.MONTH));
        assertThat(config.keys().get(2).limits()).isEqualTo(KeyLimits.NONE);
        assertThat(config.limits()).isEqualTo(new LimitSettings(60, 100_000, Map.of("openai", new LimitSettings.Rate(1000, 2_000_000))));
        assertThat(config.budget()).isEqualTo(new BudgetSettings(Optional.of(new BigDecimal("1000")), BudgetPeriod.TOTAL, List.of(50, 90),
                BudgetSettings.DEFAULT_ALERTS));
    }

    @Test
    void withoutTheSectionsThereAreNoLimits() {
        IngateConfig config = parse("default_provider: openai\n");
        assertThat(config.limits()).isEqualTo(LimitSettings.NONE);
        assertThat(config.budget()).isEqualTo(BudgetSettings.NONE);
        assertThat(IngateConfig.empty().budget().usd()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "keys: [{ name: a, key: sk-ingate-a, rpm: 0 }]                    | 1 | keys[0].rpm: must be at least 1",
            "keys: [{ name: a, key: sk-ingate-a, tpm: lots }]                 | 1 | keys[0].tpm: expected a whole number",
            "keys: [{ name: a, key: sk-ingate-a, budget_usd: -1 }]            | 1 | keys[0].budget_usd: must not be negative",
            "keys: [{ name: a, key: sk-ingate-a, budget_usd: ten }]           | 1 | keys[0].budget_usd: expected an amount in USD",
            "keys: [{ name: a, key: sk-ingate-a, budget_usd: 5, budget_period: week }] | 1 | keys[0].budget_period: expected day, month or total",
            "keys: [{ name: a, key: sk-ingate-a, budget_period: day }]        | 1 | keys[0].budget_period: needs budget_usd",
            "limits: { rpm: -5 }                                              | 1 | limits.rpm: must be at least 1",
            "limits: { burst: 5 }                                             | 1 | limits.burst: unknown key",
            "limits: { providers: { nope: { rpm: 5 } } }                      | 1 | limits.providers.nope: unknown provider",
            "limits: { providers: { openai: { rps: 5 } } }                    | 1 | limits.providers.openai.rps: unknown key",
            "budget: { usd: 10, period: year }                                | 1 | budget.period: expected day, month or total",
            "budget: { usd: 10, alerts: [50, 120] }                           | 1 | budget.alerts[1]: must be between 1 and 100",
            "budget: { dollars: 10 }                                          | 1 | budget.dollars: unknown key",
    })
    void badValuesNameFileLineAndKey(String yaml, int line, String message) {
        assertThatThrownBy(() -> parse("server: {}\n" + yaml.strip()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("ingate.yaml:" + (line + 1) + ": " + message);
    }
}
