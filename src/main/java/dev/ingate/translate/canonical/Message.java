package dev.ingate.translate.canonical;

import java.util.List;

/** One turn. Tool results ride in a user message, the way Anthropic models them. */
public record Message(Role role, List<ContentPart> parts) {

    public Message {
        parts = List.copyOf(parts);
    }
}
