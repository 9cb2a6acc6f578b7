package dev.ingate.observe.usage;

import java.util.Arrays;

/**
 * Where the walker stands in a JSON document: the names of the containers the current value sits in, from
 * the document's top object down ({@link #ITEM} for an array element). The top object itself has no name
 * and is not part of the path, so {@code {"usage":{"prompt_tokens":3}}} gives {@code prompt_tokens} the
 * path {@code ["usage"]}. A top-level array (Gemini's non-SSE stream) is a list of documents: its elements
 * are read as top objects.
 */
final class JsonPath {

    /** The name standing for an array element. */
    static final String ITEM = "[]";

    private String[] names = new String[16];
    private int depth;
    private int base;

    void reset() {
        depth = 0;
        base = 0;
    }

    /** A container opens: its property name, or null inside an array or at the top. */
    void push(String name, boolean array) {
        if (depth == 0) {
            base = array ? 2 : 1;
        }
        if (depth == names.length) {
            names = Arrays.copyOf(names, depth * 2);
        }
        names[depth++] = name == null ? ITEM : name;
    }

    void pop() {
        if (depth > 0) {
            depth--;
        }
    }

    /** Containers open, the top-level ones included. */
    int depth() {
        return depth;
    }

    /** How many names the path has below the document's top object (negative at the very top). */
    int size() {
        return depth - base;
    }

    String at(int index) {
        return names[base + index];
    }

    boolean is(String a) {
        return size() == 1 && a.equals(at(0));
    }

    boolean is(String a, String b) {
        return size() == 2 && a.equals(at(0)) && b.equals(at(1));
    }

    boolean is(String a, String b, String c) {
        return size() == 3 && a.equals(at(0)) && b.equals(at(1)) && c.equals(at(2));
    }

    @Override
    public String toString() {
        return size() <= 0 ? "$" : "$." + String.join(".", Arrays.copyOfRange(names, base, depth));
    }
}
