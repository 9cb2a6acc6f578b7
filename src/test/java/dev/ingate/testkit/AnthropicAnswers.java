package dev.ingate.testkit;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic's Messages API: {@code POST /v1/messages} (message JSON, or the documented SSE grammar
 * message_start, content_block_start, ping, content_block_delta…, content_block_stop,
 * message_delta, message_stop) and {@code POST /v1/messages/count_tokens}. A request with tools
 * (whose last message is not a tool_result) is answered with a text block and a tool_use block.
 */
final class AnthropicAnswers implements Dialect {

    static final int INPUT_TOKENS = 10;
    static final int OUTPUT_TOKENS = 12;
    private static final String TOOL_PREAMBLE = "I'll check that for you.";

    @Override
    public Answer answer(MockProvider.Recorded r) {
        String route = r.method() + " " + r.path();
        boolean known = route.equals("POST /v1/messages") || route.equals("POST /v1/messages/count_tokens");
        if (!known) return error(404, "Not Found", "not_found_error");
        ObjectNode req = Wire.request(r);
        if (req == null) return error(400, "There was an error parsing the body: invalid JSON", "invalid_request_error");
        if (route.endsWith("count_tokens")) {
            return withRequestId(Answer.json(200, Wire.object().put("input_tokens", INPUT_TOKENS).toString()));
        }
        String model = Wire.text(req, "model", "claude-sonnet-4-5-20250929");
        List<ToolAnswers.Call> calls = toolCalls(r, req);
        return withRequestId(Wire.flag(req, "stream", false) ? stream(model, calls) : message(model, calls));
    }

    @Override
    public Answer reject(MockProvider.Recorded r) {
        if (!(r.method() + " " + r.path()).equals("POST /v1/messages")) return null;
        ObjectNode req = Wire.request(r);
        String problem = req == null ? null : AnthropicRules.check(req);
        return problem == null ? null : error(400, problem, "invalid_request_error");
    }

    @Override
    public Answer error(int status, String message) {
        String type = switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> "api_error";
        };
        return error(status, message, type);
    }

    static Answer error(int status, String message, String type) {
        ObjectNode body = Wire.object().put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        return withRequestId(Answer.json(status, body.toString()));
    }

    @Override
    public Answer rateLimited() {
        return error(429, "This request would exceed the rate limit for your organization of 50 requests per minute."
                + " For details, refer to: https://docs.claude.com/en/api/rate-limits.", "rate_limit_error")
                .header("retry-after", "1")
                .header("anthropic-ratelimit-requests-limit", "50")
                .header("anthropic-ratelimit-requests-remaining", "0");
    }

    private static Answer withRequestId(Answer a) {
        return a.header("request-id", Wire.id("req_011C"));
    }

    /** Calls of the first tool, unless the last message carries tool results. */
    private static List<ToolAnswers.Call> toolCalls(MockProvider.Recorded r, ObjectNode req) {
        if (!Wire.nonEmptyArray(req, "tools")) return List.of();
        JsonNode content = Wire.last(req, "messages").path("content");
        if (content.isArray()) {
            for (JsonNode block : content) {
                if ("tool_result".equals(Wire.text(block, "type", ""))) return List.of();
            }
        }
        JsonNode tool = req.get("tools").get(0);
        return ToolAnswers.calls(r, tool.path("name").asString("get_current_weather"), tool.get("input_schema"), "toolu_01");
    }

    private static Answer message(String model, List<ToolAnswers.Call> calls) {
        ObjectNode m = Wire.object().put("id", Wire.id("msg_01")).put("type", "message").put("role", "assistant")
                .put("model", model);
        var content = m.putArray("content");
        if (calls.isEmpty()) {
            content.addObject().put("type", "text").put("text", Wire.REPLY_TEXT);
        } else {
            content.addObject().put("type", "text").put("text", TOOL_PREAMBLE);
            for (ToolAnswers.Call c : calls) {
                content.addObject().put("type", "tool_use").put("id", c.id()).put("name", c.name())
                        .set("input", c.arguments());
            }
        }
        m.put("stop_reason", calls.isEmpty() ? "end_turn" : "tool_use");
        m.putNull("stop_sequence");
        m.set("usage", usage(OUTPUT_TOKENS));
        return Answer.json(200, m.toString());
    }

    private static ObjectNode usage(int outputTokens) {
        return Wire.object().put("input_tokens", INPUT_TOKENS).put("cache_creation_input_tokens", 0)
                .put("cache_read_input_tokens", 0).put("output_tokens", outputTokens);
    }

    private static Answer stream(String model, List<ToolAnswers.Call> calls) {
        List<String> events = new ArrayList<>();
        ObjectNode start = Wire.object().put("type", "message_start");
        ObjectNode m = start.putObject("message").put("id", Wire.id("msg_01")).put("type", "message")
                .put("role", "assistant");
        m.putArray("content");
        m.put("model", model);
        m.putNull("stop_reason");
        m.putNull("stop_sequence");
        m.set("usage", usage(1));
        events.add(event(start));

        List<String> texts = calls.isEmpty() ? Wire.REPLY : List.of("I'll check", " that for you.");
        events.add(event(blockStart(0, Wire.object().put("type", "text").put("text", ""))));
        events.add(event(Wire.object().put("type", "ping")));
        for (String t : texts) {
            events.add(event(delta(0, Wire.object().put("type", "text_delta").put("text", t))));
        }
        events.add(event(Wire.object().put("type", "content_block_stop").put("index", 0)));
        int index = 1;
        for (ToolAnswers.Call c : calls) {
            ObjectNode toolUse = Wire.object().put("type", "tool_use").put("id", c.id()).put("name", c.name());
            toolUse.putObject("input");
            events.add(event(blockStart(index, toolUse)));
            // The API's first input_json_delta is empty; clients must cope with it.
            List<String> pieces = new ArrayList<>(List.of(""));
            pieces.addAll(c.pieces());
            for (String p : pieces) {
                events.add(event(delta(index, Wire.object().put("type", "input_json_delta").put("partial_json", p))));
            }
            events.add(event(Wire.object().put("type", "content_block_stop").put("index", index)));
            index++;
        }
        ObjectNode messageDelta = Wire.object().put("type", "message_delta");
        messageDelta.putObject("delta").put("stop_reason", calls.isEmpty() ? "end_turn" : "tool_use")
                .putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", OUTPUT_TOKENS);
        events.add(event(messageDelta));
        events.add(event(Wire.object().put("type", "message_stop")));
        return Answer.sse(events);
    }

    private static ObjectNode blockStart(int index, ObjectNode block) {
        return Wire.object().put("type", "content_block_start").put("index", index).set("content_block", block);
    }

    private static ObjectNode delta(int index, ObjectNode delta) {
        return Wire.object().put("type", "content_block_delta").put("index", index).set("delta", delta);
    }

    private static String event(ObjectNode data) {
        return Wire.sseEvent(data.get("type").stringValue(), data.toString());
    }
}
