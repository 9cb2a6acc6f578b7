package dev.ingate.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The config file's {@code budget:}: a global spend limit for everything that goes through this gateway, and the
 * alert thresholds (percent of a budget) for it and for the keys' own budgets.
 *
 * @param usd       the global budget; empty for none
 * @param alerts    thresholds of the global budget, ascending, e.g. 50, 80, 100
 * @param keyAlerts thresholds of every key's budget
 */
public record BudgetSettings(Optional<BigDecimal> usd, BudgetPeriod period, List<Integer> alerts, List<Integer> keyAlerts) {

    public static final List<Integer> DEFAULT_ALERTS = List.of(50, 80, 100);
    public static final BudgetSettings NONE = new BudgetSettings(Optional.empty(), BudgetPeriod.MONTH, DEFAULT_ALERTS, DEFAULT_ALERTS);

    public BudgetSettings {
        alerts = List.copyOf(alerts);
        keyAlerts = List.copyOf(keyAlerts);
    }
}
