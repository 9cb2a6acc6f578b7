package dev.ingate.budget;

import dev.ingate.config.BudgetPeriod;
import dev.ingate.config.KeyLimits;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Where a budget stands in its current period, for the admin API: what it allows, what has been spent (settled costs;
 * requests still in flight are not counted until they end) and what is left.
 *
 * @param remainingUsd never below 0, though spend can pass the limit by up to one request's estimate
 * @param periodStart  null for {@code total}
 * @param resetsAt     when spend starts again from 0; null for {@code total}
 */
public record BudgetStatus(BigDecimal usd, BudgetPeriod period, BigDecimal spentUsd, BigDecimal remainingUsd, Instant periodStart,
                           Instant resetsAt) {

    static BudgetStatus of(BudgetScope scope, long spentNanos, long nowMillis) {
        long end = Periods.endMillis(scope.period(), nowMillis);
        return new BudgetStatus(usd(scope.limitNanos()), scope.period(), usd(spentNanos), usd(Math.max(0, scope.limitNanos() - spentNanos)),
                Periods.start(scope.period(), nowMillis), end == Long.MAX_VALUE ? null : Instant.ofEpochMilli(end));
    }

    /** Plain decimals: a stripped 1000 would otherwise be written as 1E+3. */
    private static BigDecimal usd(long nanos) {
        return new BigDecimal(KeyLimits.fromNanos(nanos).toPlainString());
    }
}
