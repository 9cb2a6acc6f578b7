package dev.ingate.translate.ollama;

import dev.ingate.translate.canonical.StopReason;

/** Ollama {@code done_reason} ↔ canonical stop reason. */
final class DoneReasons {

    private DoneReasons() {
    }

    /**
     * Ollama says "stop" after tool calls too, so whether calls were made decides; an absent reason (Ollama before
     * 0.3) is a natural end.
     */
    static StopReason decode(String doneReason, boolean madeToolCalls) {
        return switch (doneReason) {
            case "stop", "" -> madeToolCalls ? StopReason.TOOL_USE : StopReason.END_TURN;
            case "length" -> StopReason.MAX_TOKENS;
            default -> StopReason.OTHER;
        };
    }

    /** Ollama has no reason for stop sequences, tool use or filtering: they all read "stop". */
    static String encode(StopReason reason) {
        return reason == StopReason.MAX_TOKENS ? "length" : "stop";
    }
}
