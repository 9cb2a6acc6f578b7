package dev.ingate.translate.canonical;

/** The API shapes that have a codec. Opaque pieces remember theirs so only that shape passes them on. */
public enum Shape {
    OPENAI_CHAT,
    ANTHROPIC_MESSAGES,
    OPENAI_RESPONSES,
    OLLAMA_CHAT,
    GEMINI
}
