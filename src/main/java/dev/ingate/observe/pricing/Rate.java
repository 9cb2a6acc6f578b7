package dev.ingate.observe.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One price in USD per million tokens: flat, or tiered by the request's total input tokens.
 *
 * <p>Tiers use genai-prices' "cliff" rule: once the request's <em>total input</em> (uncached +
 * cache reads + cache writes) is above a tier's {@code start}, that tier's price applies to
 * <em>all</em> tokens of this kind, output included (e.g. a 250k-token prompt to a model with a
 * 200k tier pays the higher input and output rates on every token). It is not graduated.
 *
 * @param base  price below the first tier
 * @param tiers ascending by start; empty for a flat price
 */
public record Rate(BigDecimal base, List<Tier> tiers) {

    /** @param start exclusive threshold on total input tokens; @param price USD per million */
    public record Tier(long start, BigDecimal price) {
        public Tier {
            Objects.requireNonNull(price, "price");
        }
    }

    public Rate {
        Objects.requireNonNull(base, "base");
        tiers = tiers.stream().sorted(Comparator.comparingLong(Tier::start)).toList();
    }

    public static Rate flat(BigDecimal perMillion) {
        return new Rate(perMillion, List.of());
    }

    public static Rate flat(String perMillion) {
        return flat(new BigDecimal(perMillion));
    }

    public boolean tiered() {
        return !tiers.isEmpty();
    }

    /** The USD-per-million price that applies to a request with this many input tokens in all. */
    public BigDecimal perMillion(long totalInputTokens) {
        BigDecimal applicable = base;
        for (Tier tier : tiers) {
            if (totalInputTokens > tier.start()) {
                applicable = tier.price();
            }
        }
        return applicable;
    }

    /** Parses a number or a {@code {"base":…, "tiers":[{"start":…, "price":…}]}} object. */
    static Rate parse(JsonNode node) {
        if (node.isNumber()) {
            return flat(node.decimalValue());
        }
        if (node.isObject() && node.has("base")) {
            List<Tier> tiers = new ArrayList<>();
            for (JsonNode t : node.path("tiers")) {
                tiers.add(new Tier(t.get("start").asLong(), t.get("price").decimalValue()));
            }
            return new Rate(node.get("base").decimalValue(), tiers);
        }
        throw new IllegalArgumentException("not a price: " + node);
    }
}
