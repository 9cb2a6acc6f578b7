package dev.ingate.estimate;

import dev.ingate.observe.pricing.Cost;

/**
 * What a request would cost before it is sent.
 *
 * @param provider        the Ingate provider the request resolved to
 * @param maxOutputTokens the request's own limit, else the model's maximum, else 4096
 * @param cost            input at the estimated tokens, output at {@code maxOutputTokens}; null when the model has no known price
 * @param pricedBy        the catalog entry that priced it ({@code openai/gpt-4o}); null when none did
 */
public record Estimate(String model, String provider, int inputTokens, Tokenizer tokenizer, int maxOutputTokens,
                       Cost cost, String pricedBy) {
}
