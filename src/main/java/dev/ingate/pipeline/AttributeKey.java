package dev.ingate.pipeline;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names a value that a concern attaches to an {@link Exchange} for another to read later (usage for the
 * recorder, say), so the exchange itself need not know every concern's types. Compared by identity; each key
 * has its own slot number, so an exchange keeps its values in a small array instead of a map (a governed request
 * reads and writes some twenty of them).
 */
public final class AttributeKey<T> {

    private static final AtomicInteger CREATED = new AtomicInteger();

    private final String name;
    private final int slot;

    public AttributeKey(String name) {
        this.name = name;
        this.slot = CREATED.getAndIncrement();
    }

    int slot() {
        return slot;
    }

    /** How many keys exist so far: the size an exchange's slot array starts with. */
    static int created() {
        return CREATED.get();
    }

    @Override
    public String toString() {
        return name;
    }
}
