package dev.ingate.config;

import dev.ingate.config.YamlNodes.Entry;
import dev.ingate.config.YamlNodes.Scalar;
import org.yaml.snakeyaml.nodes.Node;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rate limits and budgets in the config file: the {@code limits:} and {@code budget:} sections and the
 * {@code rpm}, {@code tpm}, {@code budget_usd}, {@code budget_period} fields of a key entry.
 */
final class GovernanceParser {

    static final List<String> LIMITS_KEYS = List.of("rpm", "tpm", "providers");
    static final List<String> RATE_KEYS = List.of("rpm", "tpm");
    static final List<String> BUDGET_KEYS = List.of("usd", "period", "alerts", "key_alerts");

    private final YamlNodes y;

    GovernanceParser(YamlNodes y) {
        this.y = y;
    }

    /** The limit fields of one key entry ({@code path} is {@code keys[2]}). */
    KeyLimits keyLimits(Map<String, Entry> f, String path) {
        long rpm = y.optInt(f.get("rpm"), path + ".rpm", 1).orElse(0);
        long tpm = y.optInt(f.get("tpm"), path + ".tpm", 1).orElse(0);
        Optional<BigDecimal> usd = usd(f.get("budget_usd"), path + ".budget_usd");
        Optional<BudgetPeriod> period = period(f.get("budget_period"), path + ".budget_period");
        if (period.isPresent() && usd.isEmpty()) {
            throw y.error(f.get("budget_period").value(), path + ".budget_period", "needs budget_usd");
        }
        return new KeyLimits(rpm, tpm, usd, period.orElse(BudgetPeriod.MONTH));
    }

    /** {@code limits: { rpm, tpm, providers: { name: { rpm, tpm } } }}. */
    LimitSettings limits(Node node, Set<String> knownProviders) {
        if (node == null || YamlNodes.isNull(node)) {
            return LimitSettings.NONE;
        }
        Map<String, Entry> f = y.fields(node, "limits", LIMITS_KEYS);
        Map<String, LimitSettings.Rate> providers = new LinkedHashMap<>();
        Entry providersEntry = f.get("providers");
        for (Entry e : y.mapping(providersEntry == null ? null : providersEntry.value(), "limits.providers")) {
            String path = "limits.providers." + e.key();
            if (!knownProviders.contains(e.key())) {
                throw y.error(e.keyNode(), path, "unknown provider \"" + e.key() + "\" (known: " + String.join(", ", knownProviders) + ")");
            }
            Map<String, Entry> rate = y.fields(e.value(), path, RATE_KEYS);
            providers.put(e.key(), new LimitSettings.Rate(y.optInt(rate.get("rpm"), path + ".rpm", 1).orElse(0),
                    y.optInt(rate.get("tpm"), path + ".tpm", 1).orElse(0)));
        }
        return new LimitSettings(y.optInt(f.get("rpm"), "limits.rpm", 1).orElse(0), y.optInt(f.get("tpm"), "limits.tpm", 1).orElse(0),
                providers);
    }

    /** {@code budget: { usd, period, alerts: [..], key_alerts: [..] }}. */
    BudgetSettings budget(Node node) {
        if (node == null || YamlNodes.isNull(node)) {
            return BudgetSettings.NONE;
        }
        Map<String, Entry> f = y.fields(node, "budget", BUDGET_KEYS);
        Optional<BigDecimal> usd = usd(f.get("usd"), "budget.usd");
        BudgetPeriod period = period(f.get("period"), "budget.period").orElse(BudgetPeriod.MONTH);
        return new BudgetSettings(usd, period, alerts(f.get("alerts"), "budget.alerts"), alerts(f.get("key_alerts"), "budget.key_alerts"));
    }

    private Optional<BigDecimal> usd(Entry entry, String path) {
        return y.optString(entry, path).map(text -> {
            BigDecimal value;
            try {
                value = new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                throw y.error(entry.value(), path, "expected an amount in USD such as 50 or 12.5, got \"" + text + "\"");
            }
            if (value.signum() < 0) {
                throw y.error(entry.value(), path, "must not be negative, got " + text.strip());
            }
            if (value.scale() > 9 || value.compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
                throw y.error(entry.value(), path, "must be at most 1000000000 with at most 9 decimals, got " + text.strip());
            }
            return value;
        });
    }

    private Optional<BudgetPeriod> period(Entry entry, String path) {
        return y.optString(entry, path).map(text -> BudgetPeriod.parse(text)
                .orElseThrow(() -> y.error(entry.value(), path, "expected day, month or total, got \"" + text + "\"")));
    }

    /** Percentages from 1 to 100, ascending and without repeats; absent means the default 50, 80, 100. */
    private List<Integer> alerts(Entry entry, String path) {
        if (entry == null) {
            return BudgetSettings.DEFAULT_ALERTS;
        }
        TreeSet<Integer> values = new TreeSet<>();
        List<Scalar> items = y.stringList(entry.value(), path);
        for (int i = 0; i < items.size(); i++) {
            Scalar s = items.get(i);
            int value;
            try {
                value = Integer.parseInt(s.text().strip());
            } catch (NumberFormatException e) {
                throw y.error(s.node(), path + "[" + i + "]", "expected a whole percentage, got \"" + s.text() + "\"");
            }
            if (value < 1 || value > 100) {
                throw y.error(s.node(), path + "[" + i + "]", "must be between 1 and 100, got " + value);
            }
            values.add(value);
        }
        return new ArrayList<>(values);
    }
}
