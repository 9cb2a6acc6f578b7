package dev.ingate.translate.responses;

import java.util.Optional;

/**
 * {@code reasoning.effort} ↔ a thinking token budget, with the same budgets as Chat Completions'
 * {@code reasoning_effort} (openai/ReasoningEffort) so a client sees one behaviour whichever OpenAI shape it speaks:
 * minimal and low → 1024, medium → 2048, high → 4096. "none" has no budget: thinking off.
 */
final class ReasoningEfforts {

    static final int LOW_BUDGET = 1024;
    static final int MEDIUM_BUDGET = 2048;
    static final int HIGH_BUDGET = 4096;

    private ReasoningEfforts() {
    }

    static Optional<Integer> budgetFor(String effort) {
        return switch (effort) {
            case "minimal", "low" -> Optional.of(LOW_BUDGET);
            case "medium" -> Optional.of(MEDIUM_BUDGET);
            case "high", "xhigh" -> Optional.of(HIGH_BUDGET);
            default -> Optional.empty();
        };
    }

    static String effortFor(int budgetTokens) {
        if (budgetTokens <= LOW_BUDGET) {
            return "low";
        }
        return budgetTokens <= MEDIUM_BUDGET ? "medium" : "high";
    }
}
