package dev.ingate.translate.gemini;

import dev.ingate.translate.canonical.StopReason;

/** Gemini {@code finishReason} ↔ canonical stop reason. */
final class FinishReasons {

    private FinishReasons() {
    }

    /**
     * Gemini says STOP after function calls too; the canonical reason is tool use then, or an OpenAI client would not
     * look for calls. A stop sequence also reads STOP (Gemini does not say which one matched).
     */
    static StopReason decode(String finishReason, boolean calledTools) {
        return switch (finishReason) {
            case "STOP" -> calledTools ? StopReason.TOOL_USE : StopReason.END_TURN;
            case "MAX_TOKENS" -> StopReason.MAX_TOKENS;
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY", "IMAGE_PROHIBITED_CONTENT",
                 "IMAGE_RECITATION" -> StopReason.CONTENT_FILTER;
            default -> calledTools ? StopReason.TOOL_USE : StopReason.OTHER;
        };
    }

    static String encode(StopReason reason) {
        return switch (reason) {
            case END_TURN, STOP_SEQUENCE, TOOL_USE -> "STOP";
            case MAX_TOKENS -> "MAX_TOKENS";
            case CONTENT_FILTER -> "SAFETY";
            case OTHER -> "OTHER";
        };
    }
}
