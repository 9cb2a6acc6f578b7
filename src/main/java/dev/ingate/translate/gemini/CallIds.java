package dev.ingate.translate.gemini;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Gives id-less function calls an id and their responses the same one. A response without an id answers the oldest
 * unanswered call of its name: Gemini asks that responses come in the order of the calls.
 */
final class CallIds {

    private final IntFunction<String> generator;
    private final Map<String, Deque<String>> unansweredByName = new HashMap<>();
    private int generated;

    CallIds(IntFunction<String> generator) {
        this.generator = generator;
    }

    static CallIds forRequest() {
        return new CallIds(ToolCallIds::forRequest);
    }

    static CallIds forResponse(String responseId) {
        return new CallIds(ordinal -> ToolCallIds.forResponse(responseId, ordinal));
    }

    String call(String id, String name) {
        String callId = id.isEmpty() ? generator.apply(generated++) : id;
        unansweredByName.computeIfAbsent(name, unused -> new ArrayDeque<>()).addLast(callId);
        return callId;
    }

    String response(String id, String name) {
        Deque<String> unanswered = unansweredByName.get(name);
        if (!id.isEmpty()) {
            if (unanswered != null) {
                unanswered.remove(id);
            }
            return id;
        }
        if (unanswered != null && !unanswered.isEmpty()) {
            return unanswered.removeFirst();
        }
        // A response to a call this conversation does not show: still a stable id, tied to nothing.
        return generator.apply(generated++);
    }
}
