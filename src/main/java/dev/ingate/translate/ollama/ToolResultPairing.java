package dev.ingate.translate.ollama;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the call a {@code tool} message answers. Ollama results carry at most the tool's name (newer versions also
 * a {@code tool_call_id}), so they are matched to the latest assistant turn's calls: by id when there is one, else
 * the first unanswered call of that name, else the first unanswered call.
 */
final class ToolResultPairing {

    private record Pending(String id, String name) {
    }

    private final List<Pending> unanswered = new ArrayList<>();
    private int generated;

    /** The assistant turn's calls replace any left unanswered before: results only answer the turn just before them. */
    void assistantCalled(List<String> ids, List<String> names) {
        unanswered.clear();
        for (int i = 0; i < ids.size(); i++) {
            unanswered.add(new Pending(ids.get(i), names.get(i)));
        }
    }

    /** A stable id for a call that came without one: the same history gives the same ids on every request. */
    String nextGeneratedId() {
        return "call_" + generated++;
    }

    /** The id of the call this result answers; a result with no call left to answer gets an id of its own. */
    String answer(String toolCallId, String toolName) {
        Pending match = null;
        for (Pending pending : unanswered) {
            if (!toolCallId.isEmpty() && pending.id().equals(toolCallId)) {
                match = pending;
                break;
            }
        }
        if (match == null && !toolCallId.isEmpty()) {
            return toolCallId;
        }
        if (match == null && !toolName.isEmpty()) {
            match = unanswered.stream().filter(pending -> pending.name().equals(toolName)).findFirst().orElse(null);
        }
        if (match == null && !unanswered.isEmpty()) {
            match = unanswered.getFirst();
        }
        if (match == null) {
            return nextGeneratedId();
        }
        unanswered.remove(match);
        return match.id();
    }
}
