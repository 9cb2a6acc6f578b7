package dev.ingate.observe.pricing;

import dev.ingate.config.PriceOverride;
import dev.ingate.glob.Globs;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The config file's {@code pricing:} entries: a model name or glob and its price, for every provider. They win over
 * the catalog (negotiated rates, fine-tunes, self-hosted models); the first entry that matches, in file order, counts.
 * Names match case-insensitively, as the catalog's do.
 */
final class PriceOverrides {

    static final String PROVIDER_ID = "config";

    private record Entry(Pattern model, ModelPrice price) {
    }

    private final List<Entry> entries;

    PriceOverrides(List<PriceOverride> overrides, Clock clock) {
        this.entries = overrides.stream().map(o -> new Entry(Globs.compile(o.model(), true), price(o, clock))).toList();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The overriding price of {@code model}, or null. */
    ModelPrice find(String model) {
        for (Entry e : entries) {
            if (e.model().matcher(model).matches()) {
                return e.price();
            }
        }
        return null;
    }

    private static ModelPrice price(PriceOverride o, Clock clock) {
        Rate input = Rate.flat(o.inputPerMillion());
        Rates rates = new Rates(input, Rate.flat(o.outputPerMillion()),
                Rate.flat(o.cachedInputPerMillion().orElse(o.inputPerMillion())),
                Rate.flat(o.cacheWritePerMillion().orElse(o.inputPerMillion())),
                null, null, null, null);
        return new ModelPrice(PROVIDER_ID, o.model(), null, 0, 0, List.of(PriceWindow.always(rates)), MatchClause.NONE, clock);
    }
}
