package dev.ingate.estimate;

/**
 * What a request may use, reckoned before it is sent, for rate limits (tokens) and budgets (cost): its prompt
 * tokens plus the output it may produce.
 *
 * @param costNanos USD in nano-dollars at the model's price; 0 when the model has no known price
 * @param exact     false when {@code inputTokens} is an upper bound of the prompt's tokens (and the cost with it):
 *                  a check it does not pass should ask for the exact estimate before it refuses
 */
public record AdmissionEstimate(long inputTokens, long maxOutputTokens, long costNanos, boolean exact) {

    public static final AdmissionEstimate NONE = new AdmissionEstimate(0, 0, 0, true);

    public AdmissionEstimate(long inputTokens, long maxOutputTokens, long costNanos) {
        this(inputTokens, maxOutputTokens, costNanos, true);
    }

    public long tokens() {
        return inputTokens + maxOutputTokens;
    }
}
