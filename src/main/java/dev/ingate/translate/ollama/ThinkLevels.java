package dev.ingate.translate.ollama;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Ollama {@code think} (a boolean, or "low"/"medium"/"high" for models with levels) ↔ a thinking token budget.
 * The budgets are the ones the OpenAI codec gives {@code reasoning_effort}, so an effort survives either way;
 * {@code true} reads as medium, which is what Ollama itself resolves it to.
 */
final class ThinkLevels {

    static final int LOW_BUDGET = 1024;
    static final int MEDIUM_BUDGET = 2048;
    static final int HIGH_BUDGET = 4096;

    private ThinkLevels() {
    }

    /** Empty for absent, false and a level this does not know (the decoder keeps those as they came). */
    static Optional<Integer> budgetFor(JsonNode think) {
        if (think == null || think.isNull()) {
            return Optional.empty();
        }
        if (think.isBoolean()) {
            return think.booleanValue() ? Optional.of(MEDIUM_BUDGET) : Optional.empty();
        }
        if (!think.isString()) {
            return Optional.empty();
        }
        return switch (think.stringValue()) {
            case "minimal", "low" -> Optional.of(LOW_BUDGET);
            case "medium" -> Optional.of(MEDIUM_BUDGET);
            case "high", "max" -> Optional.of(HIGH_BUDGET);
            default -> Optional.empty();
        };
    }

    /** A level rather than {@code true}: models with levels (gpt-oss) ignore a boolean, the others take a level as true. */
    static String levelFor(int budgetTokens) {
        if (budgetTokens <= LOW_BUDGET) {
            return "low";
        }
        return budgetTokens <= MEDIUM_BUDGET ? "medium" : "high";
    }
}
