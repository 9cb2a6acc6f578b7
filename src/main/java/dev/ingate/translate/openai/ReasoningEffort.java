package dev.ingate.translate.openai;

import java.util.Optional;

/**
 * OpenAI {@code reasoning_effort} ↔ a thinking token budget. The budgets are the ones LiteLLM uses, so clients
 * moving over see the same behaviour: minimal and low → 1024 (Anthropic's minimum), medium → 2048, high → 4096.
 * Back from a budget: up to 1024 is low, up to 2048 medium, above that high. "none" means no thinking. Chat
 * Completions' {@code reasoning_effort} and Responses' {@code reasoning.effort} share it, so a client sees one behaviour.
 */
public final class ReasoningEffort {

    static final int LOW_BUDGET = 1024;
    static final int MEDIUM_BUDGET = 2048;
    static final int HIGH_BUDGET = 4096;

    private ReasoningEffort() {
    }

    public static Optional<Integer> budgetFor(String effort) {
        return switch (effort) {
            case "minimal", "low" -> Optional.of(LOW_BUDGET);
            case "medium" -> Optional.of(MEDIUM_BUDGET);
            case "high", "xhigh" -> Optional.of(HIGH_BUDGET);
            default -> Optional.empty();
        };
    }

    public static String effortFor(int budgetTokens) {
        if (budgetTokens <= LOW_BUDGET) {
            return "low";
        }
        return budgetTokens <= MEDIUM_BUDGET ? "medium" : "high";
    }
}
