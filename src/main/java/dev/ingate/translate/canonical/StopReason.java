package dev.ingate.translate.canonical;

/** Why the model stopped. */
public enum StopReason {
    END_TURN,
    MAX_TOKENS,
    STOP_SEQUENCE,
    TOOL_USE,
    CONTENT_FILTER,
    /** Anything else (Anthropic pause_turn, an unknown value). */
    OTHER
}
