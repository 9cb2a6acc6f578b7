package dev.ingate.translate.openai;

/**
 * Follows a JSON value arriving in fragments just far enough to say when it is complete: bracket depth, with
 * brackets inside strings (and escaped quotes) ignored. A streamed tool call's arguments are complete when their
 * object closes; that is the only sign OpenAI's stream gives that a call is done before the next one goes on.
 */
final class JsonDepth {

    private int depth;
    private boolean begun;
    private boolean inString;
    private boolean escaped;

    void feed(String fragment) {
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
                begun = true;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }

    boolean complete() {
        return begun && depth <= 0 && !inString;
    }
}
