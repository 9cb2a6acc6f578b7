package dev.ingate.translate.anthropic;

import dev.ingate.translate.canonical.StopReason;

/** Anthropic {@code stop_reason} ↔ canonical stop reason. */
final class StopReasons {

    private StopReasons() {
    }

    static StopReason decode(String stopReason) {
        return switch (stopReason) {
            case "end_turn" -> StopReason.END_TURN;
            case "max_tokens", "model_context_window_exceeded" -> StopReason.MAX_TOKENS;
            case "stop_sequence" -> StopReason.STOP_SEQUENCE;
            case "tool_use" -> StopReason.TOOL_USE;
            case "refusal" -> StopReason.CONTENT_FILTER;
            default -> StopReason.OTHER;
        };
    }

    static String encode(StopReason reason) {
        return switch (reason) {
            case END_TURN, OTHER -> "end_turn";
            case MAX_TOKENS -> "max_tokens";
            case STOP_SEQUENCE -> "stop_sequence";
            case TOOL_USE -> "tool_use";
            case CONTENT_FILTER -> "refusal";
        };
    }
}
