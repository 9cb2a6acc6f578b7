package dev.ingate.limits;

/**
 * One thing a request is counted against: a gateway key ({@code key:<id>}) or a provider ({@code provider:<name>}),
 * with its limits per minute (0: that one is not limited).
 */
record RateScope(String id, long rpm, long tpm) {

    boolean limitsTokens() {
        return tpm > 0;
    }
}
