package dev.ingate.translate.canonical;

import java.util.List;
import java.util.Optional;

/**
 * A chat request in no vendor's shape.
 *
 * @param thinkingBudget extended thinking token budget; empty when thinking is off or not asked for
 * @param streamUsage    whether the client wants usage reported in the stream (OpenAI's
 *                       {@code stream_options.include_usage}; Anthropic streams always carry it)
 */
public record CanonicalRequest(
        String model,
        List<String> system,
        List<Message> messages,
        List<ToolDefinition> tools,
        Optional<ToolChoice> toolChoice,
        Optional<Boolean> parallelToolCalls,
        Sampling sampling,
        Optional<Integer> thinkingBudget,
        boolean stream,
        boolean streamUsage,
        Optional<String> user,
        Optional<ResponseFormat> responseFormat,
        ShapeParams extras) {

    public CanonicalRequest {
        system = List.copyOf(system);
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }

    /** The same request for another model (a route or fallback entry naming the upstream model). */
    public CanonicalRequest withModel(String otherModel) {
        return new CanonicalRequest(otherModel, system, messages, tools, toolChoice, parallelToolCalls, sampling, thinkingBudget,
                stream, streamUsage, user, responseFormat, extras);
    }

    /** The same request with the caller's wish for usage in the stream set (Ingate may have asked on its behalf). */
    public CanonicalRequest withStreamUsage(boolean wanted) {
        return new CanonicalRequest(model, system, messages, tools, toolChoice, parallelToolCalls, sampling, thinkingBudget,
                stream, wanted, user, responseFormat, extras);
    }
}
