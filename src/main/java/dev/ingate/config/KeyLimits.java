package dev.ingate.config;


import java.math.BigDecimal;
import java.util.Optional;

/**
 * A key's own rate limits and budget. 0 for {@code rpm} or {@code tpm} means "not set on the key" (the config's
 * {@code limits:} defaults then apply); an empty budget means the key has none of its own.
 *
 * @param budgetPeriod meaningful only with a budget; {@link BudgetPeriod#MONTH} unless set
 */
public record KeyLimits(long rpm, long tpm, Optional<BigDecimal> budgetUsd, BudgetPeriod budgetPeriod) {

    public static final KeyLimits NONE = new KeyLimits(0, 0, Optional.empty(), BudgetPeriod.MONTH);

    public KeyLimits {
        if (rpm < 0 || tpm < 0) {
            throw new IllegalArgumentException("rpm and tpm must not be negative");
        }
        budgetUsd.ifPresent(usd -> {
            if (usd.signum() < 0) {
                throw new IllegalArgumentException("budget_usd must not be negative");
            }
        });
    }

    /** The budget in nano-dollars (what costs are counted in), or -1 when the key has none. */
    public long budgetNanos() {
        return budgetUsd.map(KeyLimits::toNanos).orElse(-1L);
    }

    public static long toNanos(BigDecimal usd) {
        return usd.movePointRight(9).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    public static BigDecimal fromNanos(long nanos) {
        return BigDecimal.valueOf(nanos, 9).stripTrailingZeros();
    }
}
