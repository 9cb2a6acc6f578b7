package dev.ingate.observe.pricing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Turns a {@link Usage} and a model's prices into a {@link Cost}, with exact decimal arithmetic.
 *
 * <p>Follows genai-prices' calculation: each kind of token is billed once at its own price, and a
 * tiered price is chosen by the request's total input (see {@link Rate}). Where the catalog has no
 * price for a kind, we bill it at the nearest general price instead of not at all: cache reads and
 * writes at the input price, audio at the text price (genai-prices' JS package does the same for
 * cache; its Python package leaves such tokens free, which only under-reports).
 */
public final class CostCalculator {

    private CostCalculator() {
    }

    /** Cost at the prices in force now (the catalog's clock). */
    public static Cost cost(ModelPrice price, Usage usage) {
        return cost(price.rates(), usage);
    }

    /** Cost at the prices in force at {@code at}, e.g. when the request started. */
    public static Cost cost(ModelPrice price, Usage usage, Instant at) {
        return cost(price.ratesAt(at), usage);
    }

    public static Cost cost(Rates r, Usage u) {
        long total = u.totalInputTokens();
        long inputAudio = Math.min(u.inputAudioTokens(), u.inputTokens());
        long cachedAudio = Math.min(u.cachedAudioTokens(), u.cachedInputTokens());
        long outputAudio = Math.min(u.outputAudioTokens(), u.outputTokens());

        Rate cacheRead = or(r.cacheRead(), r.input());
        BigDecimal input = price(r.input(), u.inputTokens() - inputAudio, total)
                .add(price(or(r.inputAudio(), r.input()), inputAudio, total))
                .add(price(cacheRead, u.cachedInputTokens() - cachedAudio, total))
                .add(price(or(r.cacheAudioRead(), cacheRead), cachedAudio, total))
                .add(price(or(r.cacheWrite(), r.input()), u.cacheWriteTokens(), total));
        BigDecimal output = price(r.output(), u.outputTokens() - outputAudio, total)
                .add(price(or(r.outputAudio(), r.output()), outputAudio, total));
        BigDecimal requests = r.requestsKcount() == null
                ? BigDecimal.ZERO
                : r.requestsKcount().movePointLeft(3);
        return new Cost(input, output, requests);
    }

    // USD for `tokens` at a per-million price: exact, the decimal point just moves six places.
    private static BigDecimal price(Rate rate, long tokens, long totalInput) {
        if (rate == null || tokens <= 0) {
            return BigDecimal.ZERO;
        }
        return rate.perMillion(totalInput).multiply(BigDecimal.valueOf(tokens)).movePointLeft(6);
    }

    private static Rate or(Rate preferred, Rate fallback) {
        return preferred != null ? preferred : fallback;
    }
}
