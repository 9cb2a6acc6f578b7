package dev.ingate.translate.gemini;

import java.util.regex.Pattern;

/**
 * Ids for Gemini function calls that came without one (Gemini 2.x sends none; canonical tool calls and results are
 * matched by id). A request's calls are numbered through the whole conversation, so they are unique in it as
 * Anthropic requires; a response's also carry its {@code responseId}, so calls of different turns never share an
 * id. Ids made here mean nothing to Gemini and are left out when encoding for it, which matches calls to results
 * by name and order as before.
 */
final class ToolCallIds {

    private static final Pattern GENERATED = Pattern.compile("call_(?:[A-Za-z0-9-]+_)?\\d+");

    private ToolCallIds() {
    }

    static String forRequest(int ordinal) {
        return "call_" + ordinal;
    }

    static String forResponse(String responseId, int ordinal) {
        String scope = responseId.replaceAll("[^A-Za-z0-9-]", "");
        return scope.isEmpty() ? "call_" + ordinal : "call_" + scope + "_" + ordinal;
    }

    static boolean isGenerated(String id) {
        return GENERATED.matcher(id).matches();
    }
}
