package dev.ingate.pipeline;

/**
 * Names a value that a concern attaches to an {@link Exchange} for another to read later (usage for the
 * recorder, say), so the exchange itself need not know every concern's types. Compared by identity.
 */
public final class AttributeKey<T> {

    private final String name;

    public AttributeKey(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
