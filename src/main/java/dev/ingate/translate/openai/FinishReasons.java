package dev.ingate.translate.openai;

import dev.ingate.translate.canonical.StopReason;

/** OpenAI {@code finish_reason} ↔ canonical stop reason. */
final class FinishReasons {

    private FinishReasons() {
    }

    /** OpenAI says "stop" for a stop sequence too; it cannot be told apart from a natural end. */
    static StopReason decode(String finishReason) {
        return switch (finishReason) {
            case "stop" -> StopReason.END_TURN;
            case "length" -> StopReason.MAX_TOKENS;
            case "tool_calls", "function_call" -> StopReason.TOOL_USE;
            case "content_filter" -> StopReason.CONTENT_FILTER;
            default -> StopReason.OTHER;
        };
    }

    static String encode(StopReason reason) {
        return switch (reason) {
            case END_TURN, STOP_SEQUENCE, OTHER -> "stop";
            case MAX_TOKENS -> "length";
            case TOOL_USE -> "tool_calls";
            case CONTENT_FILTER -> "content_filter";
        };
    }
}
