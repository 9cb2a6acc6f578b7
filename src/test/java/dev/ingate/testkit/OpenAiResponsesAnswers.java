package dev.ingate.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's Responses API ({@code POST /v1/responses}): a response object, or with
 * {@code stream: true} the semantic SSE events {@code response.created} … {@code response.completed},
 * each {@code event: <type>\ndata: {"type":<type>,"sequence_number":n,…}}. No {@code [DONE]}.
 */
final class OpenAiResponsesAnswers {

    Answer answer(ObjectNode req, String model) {
        String responseId = Wire.id("resp_");
        String itemId = Wire.id("msg_");
        long created = Instant.now().getEpochSecond();
        ObjectNode done = response(responseId, model, created, "completed");
        done.putArray("output").add(item(itemId, "completed", Wire.REPLY_TEXT));
        ObjectNode usage = done.putObject("usage");
        usage.put("input_tokens", 8).putObject("input_tokens_details").put("cached_tokens", 0);
        usage.put("output_tokens", Wire.REPLY.size()).putObject("output_tokens_details").put("reasoning_tokens", 0);
        usage.put("total_tokens", 8 + Wire.REPLY.size());
        if (!Wire.flag(req, "stream", false)) {
            return Answer.json(200, done.toString()).header("x-request-id", Wire.id("req_"));
        }

        Events events = new Events();
        ObjectNode started = response(responseId, model, created, "in_progress");
        started.putArray("output");
        started.putNull("usage");
        events.add("response.created").set("response", started);
        events.add("response.in_progress").set("response", started);
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
        events.add("response.completed").set("response", done);
        return Answer.sse(events.render()).header("x-request-id", Wire.id("req_"));
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
