package dev.ingate.estimate;

/**
 * What a request may use, reckoned before it is sent, for rate limits (tokens) and budgets (cost): its prompt
 * tokens plus the output it may produce.
 *
 * @param costNanos USD in nano-dollars at the model's price; 0 when the model has no known price
 */
public record AdmissionEstimate(long inputTokens, long maxOutputTokens, long costNanos) {

    public static final AdmissionEstimate NONE = new AdmissionEstimate(0, 0, 0);

    public long tokens() {
        return inputTokens + maxOutputTokens;
    }
}
