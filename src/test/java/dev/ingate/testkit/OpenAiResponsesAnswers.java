package dev.ingate.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's Responses API ({@code POST /v1/responses}): a response object, or with
 * {@code stream: true} the semantic SSE events {@code response.created} … {@code response.completed},
 * each {@code event: <type>\ndata: {"type":<type>,"sequence_number":n,…}}. No {@code [DONE]}.
 */
final class OpenAiResponsesAnswers {

    Answer answer(MockProvider.Recorded r, ObjectNode req, String model) {
        List<ToolAnswers.Call> calls = toolCalls(r, req);
        String responseId = Wire.id("resp_");
        String itemId = Wire.id("msg_");
        long created = Instant.now().getEpochSecond();
        ObjectNode done = response(responseId, model, created, "completed");
        List<String> callItemIds = calls.stream().map(c -> Wire.id("fc_")).toList();
        var output = done.putArray("output");
        if (calls.isEmpty()) {
            output.add(item(itemId, "completed", Wire.REPLY_TEXT));
        } else {
            for (int i = 0; i < calls.size(); i++) output.add(callItem(callItemIds.get(i), calls.get(i), "completed"));
        }
        int inputTokens = calls.isEmpty() ? 8 : TOOL_INPUT_TOKENS;
        int outputTokens = calls.isEmpty() ? Wire.REPLY.size() : TOOL_OUTPUT_TOKENS * calls.size();
        ObjectNode usage = done.putObject("usage");
        usage.put("input_tokens", inputTokens).putObject("input_tokens_details").put("cached_tokens", 0);
        usage.put("output_tokens", outputTokens).putObject("output_tokens_details").put("reasoning_tokens", 0);
        usage.put("total_tokens", inputTokens + outputTokens);
        if (!Wire.flag(req, "stream", false)) {
            return Answer.json(200, done.toString()).header("x-request-id", Wire.id("req_"));
        }

        Events events = new Events();
        ObjectNode started = response(responseId, model, created, "in_progress");
        started.putArray("output");
        started.putNull("usage");
        events.add("response.created").set("response", started);
        events.add("response.in_progress").set("response", started);
        if (calls.isEmpty()) {
            textEvents(events, itemId);
        } else {
            for (int i = 0; i < calls.size(); i++) callEvents(events, i, callItemIds.get(i), calls.get(i));
        }
        events.add("response.completed").set("response", done);
        return Answer.sse(events.render()).header("x-request-id", Wire.id("req_"));
    }

    static final int TOOL_INPUT_TOKENS = 62;
    static final int TOOL_OUTPUT_TOKENS = 18;

    /** Calls of the first function tool, unless the input ends with a function_call_output. */
    private static List<ToolAnswers.Call> toolCalls(MockProvider.Recorded r, ObjectNode req) {
        if (!Wire.nonEmptyArray(req, "tools")) return List.of();
        JsonNode input = req.get("input");
        if (input != null && input.isArray() && !input.isEmpty()
                && "function_call_output".equals(Wire.text(input.get(input.size() - 1), "type", ""))) {
            return List.of();
        }
        for (JsonNode tool : req.get("tools")) {
            if ("function".equals(Wire.text(tool, "type", ""))) {
                return ToolAnswers.calls(r, tool.path("name").asString("get_current_weather"), tool.get("parameters"), "call_");
            }
        }
        return List.of();
    }

    private static void textEvents(Events events, String itemId) {
        ObjectNode inProgress = item(itemId, "in_progress", null);
        events.add("response.output_item.added").put("output_index", 0).set("item", inProgress);
        events.add("response.content_part.added").put("item_id", itemId).put("output_index", 0)
                .put("content_index", 0).set("part", part(""));
        for (String piece : Wire.REPLY) {
            ObjectNode delta = events.add("response.output_text.delta").put("item_id", itemId)
                    .put("output_index", 0).put("content_index", 0).put("delta", piece);
            delta.putArray("logprobs");
        }
        ObjectNode textDone = events.add("response.output_text.done").put("item_id", itemId)
                .put("output_index", 0).put("content_index", 0).put("text", Wire.REPLY_TEXT);
        textDone.putArray("logprobs");
        events.add("response.content_part.done").put("item_id", itemId).put("output_index", 0)
                .put("content_index", 0).set("part", part(Wire.REPLY_TEXT));
        events.add("response.output_item.done").put("output_index", 0)
                .set("item", item(itemId, "completed", Wire.REPLY_TEXT));
    }

    private static void callEvents(Events events, int index, String itemId, ToolAnswers.Call call) {
        ObjectNode added = callItem(itemId, call, "in_progress").put("arguments", "");
        events.add("response.output_item.added").put("output_index", index).set("item", added);
        for (String piece : call.pieces()) {
            events.add("response.function_call_arguments.delta").put("item_id", itemId).put("output_index", index)
                    .put("delta", piece);
        }
        events.add("response.function_call_arguments.done").put("item_id", itemId).put("output_index", index)
                .put("arguments", call.argumentsJson());
        events.add("response.output_item.done").put("output_index", index)
                .set("item", callItem(itemId, call, "completed"));
    }

    private static ObjectNode callItem(String itemId, ToolAnswers.Call call, String status) {
        return Wire.object().put("id", itemId).put("type", "function_call").put("status", status)
                .put("arguments", call.argumentsJson()).put("call_id", call.id()).put("name", call.name());
    }

    private static ObjectNode response(String id, String model, long created, String status) {
        ObjectNode r = Wire.object().put("id", id).put("object", "response").put("created_at", created)
                .put("status", status).put("background", false);
        r.putNull("error");
        r.putNull("incomplete_details");
        r.putNull("instructions");
        r.putNull("max_output_tokens");
        r.put("model", model);
        r.putArray("output");
        r.put("parallel_tool_calls", true);
        r.putNull("previous_response_id");
        r.putObject("reasoning").putNull("effort").putNull("summary");
        r.put("service_tier", "default").put("store", true).put("temperature", 1.0);
        r.putObject("text").putObject("format").put("type", "text");
        r.put("tool_choice", "auto");
        r.putArray("tools");
        r.put("top_p", 1.0).put("truncation", "disabled");
        r.putNull("usage");
        r.putNull("user");
        r.putObject("metadata");
        return r;
    }

    private static ObjectNode item(String id, String status, String text) {
        ObjectNode item = Wire.object().put("id", id).put("type", "message").put("status", status);
        var content = item.putArray("content");
        if (text != null) content.add(part(text));
        item.put("role", "assistant");
        return item;
    }

    private static ObjectNode part(String text) {
        ObjectNode p = Wire.object().put("type", "output_text");
        p.putArray("annotations");
        p.putArray("logprobs");
        p.put("text", text);
        return p;
    }

    /** Numbered events; each payload starts with type and sequence_number. */
    private static final class Events {
        private final List<ObjectNode> list = new ArrayList<>();

        ObjectNode add(String type) {
            ObjectNode e = Wire.object().put("type", type).put("sequence_number", list.size());
            list.add(e);
            return e;
        }

        List<String> render() {
            return list.stream().map(e -> Wire.sseEvent(e.get("type").stringValue(), e.toString())).toList();
        }
    }
}
