package dev.ingate.translate.canonical;

/** Conversation roles. System text is not a role: it sits in {@link CanonicalRequest#system()}. */
public enum Role {
    USER,
    ASSISTANT
}
