package dev.ingate.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How a routing rule orders its targets; the config file and the admin API use {@link #configName()}. */
public enum RouteStrategy {
    /** As listed: the first target, then the next on failure. */
    PRIORITY,
    /** Weighted random without replacement: spreads load, the rest stay as fallbacks. */
    WEIGHTED,
    /** Fastest response head first, by moving average; unmeasured targets first so each gets measured. */
    LOWEST_LATENCY,
    /** Cheapest input + output price first; unknown prices last. */
    LOWEST_COST;

    public static final List<String> NAMES = List.of("priority", "weighted", "lowest_latency", "lowest_cost");

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The strategy of a config name ({@code weighted}), or empty for anything else. */
    public static Optional<RouteStrategy> parse(String name) {
        for (RouteStrategy s : values()) {
            if (s.configName().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
