package dev.ingate.config;

import java.util.Locale;
import java.util.Optional;

/** How long a budget's spend accumulates before it starts again: a UTC day, a UTC month, or never. */
public enum BudgetPeriod {
    DAY, MONTH, TOTAL;

    /** The spelling of the config file and the admin API. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BudgetPeriod> parse(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "day" -> Optional.of(DAY);
            case "month" -> Optional.of(MONTH);
            case "total" -> Optional.of(TOTAL);
            default -> Optional.empty();
        };
    }
}
