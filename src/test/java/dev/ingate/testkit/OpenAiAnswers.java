package dev.ingate.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** OpenAI's wire format, built from recorded OpenAI exchanges (see testkit/NOTICE.md). */
final class OpenAiAnswers implements Dialect {

    private static final String RECORDED_MODEL = "gpt-5-nano-2025-08-07";

    private final OpenAiResponsesAnswers responses = new OpenAiResponsesAnswers();

    @Override
    public Answer answer(MockProvider.Recorded r) {
        String route = r.method() + " " + r.path();
        if (route.equals("GET /v1/models")) return models();
        ObjectNode req = null;
        if (r.method().equals("POST") && r.path().startsWith("/v1/")) {
            req = Wire.request(r);
            if (req == null && isKnown(route)) {
                return error(400, "We could not parse the JSON body of your request. (HINT: This likely means"
                        + " you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload,"
                        + " but what was sent was not valid JSON.)");
            }
        }
        return switch (route) {
            case "POST /v1/chat/completions" -> chat(r, req);
            case "POST /v1/completions" -> completion(req);
            case "POST /v1/embeddings" -> embeddings(req);
            case "POST /v1/responses" -> responses.answer(r, req, model(req, RECORDED_MODEL));
            default -> error(404, "Invalid URL (" + route + ")", "invalid_request_error", null);
        };
    }

    private static boolean isKnown(String route) {
        return switch (route) {
            case "POST /v1/chat/completions", "POST /v1/completions", "POST /v1/embeddings", "POST /v1/responses" -> true;
            default -> false;
        };
    }

    @Override
    public Answer reject(MockProvider.Recorded r) {
        String route = r.method() + " " + r.path();
        ObjectNode req = Wire.request(r);
        if (req == null) return null;
        Problem p = switch (route) {
            case "POST /v1/chat/completions" -> OpenAiChatRules.check(req);
            case "POST /v1/responses" -> OpenAiResponsesRules.check(req);
            default -> null;
        };
        return p == null ? null : withRequestId(error(400, p.message(), "invalid_request_error", p.param(), p.code()));
    }

    @Override
    public Answer error(int status, String message) {
        String type = switch (status) {
            case 400, 404, 409, 422 -> "invalid_request_error";
            case 401 -> "invalid_authentication";
            case 403 -> "permission_denied";
            case 429 -> "rate_limit_exceeded";
            default -> "server_error";
        };
        return error(status, message, type, null);
    }

    static Answer error(int status, String message, String type, String code) {
        return error(status, message, type, null, code);
    }

    static Answer error(int status, String message, String type, String param, String code) {
        ObjectNode error = Wire.object();
        ObjectNode e = error.putObject("error");
        e.put("message", message);
        e.put("type", type);
        if (param == null) e.putNull("param"); else e.put("param", param);
        if (code == null) e.putNull("code"); else e.put("code", code);
        return Answer.json(status, error.toString());
    }

    @Override
    public Answer rateLimited() {
        return error(429, "Rate limit reached for requests. Limit 500, Used 500, Requested 1."
                        + " Please try again in 1s.", "requests", "rate_limit_exceeded")
                .header("retry-after", "1")
                .header("x-ratelimit-limit-requests", "500")
                .header("x-ratelimit-remaining-requests", "0")
                .header("x-ratelimit-reset-requests", "1s");
    }

    static String model(ObjectNode req, String otherwise) {
        return req == null ? otherwise : Wire.text(req, "model", otherwise);
    }

    private static Answer withRequestId(Answer a) {
        return a.header("x-request-id", Wire.id("req_"));
    }

    // ---- chat completions -------------------------------------------------------------------

    private Answer chat(MockProvider.Recorded r, ObjectNode req) {
        String model = model(req, RECORDED_MODEL);
        List<ToolAnswers.Call> calls = toolCalls(r, req);
        String usageResource = calls.isEmpty() ? "openai/chat-completion.json" : "openai/chat-completion-tools.json";
        if (!Wire.flag(req, "stream", false)) {
            ObjectNode body = Wire.object(Wire.resource(usageResource));
            body.put("model", model);
            ObjectNode message = (ObjectNode) body.get("choices").get(0).get("message");
            if (calls.isEmpty()) {
                message.put("content", Wire.REPLY_TEXT);
            } else {
                ArrayNode toolCalls = message.putArray("tool_calls");
                for (ToolAnswers.Call c : calls) {
                    ObjectNode call = toolCalls.addObject().put("id", c.id()).put("type", "function");
                    call.putObject("function").put("name", c.name()).put("arguments", c.argumentsJson());
                }
            }
            return withRequestId(Answer.json(200, body.toString()));
        }
        boolean usage = req.path("stream_options").path("include_usage").asBoolean(false);
        List<ObjectNode> chunks = new ArrayList<>();
        for (String event : Wire.resource("openai/chat-completion-stream.sse").split("\n\n")) {
            if (event.startsWith("data: {")) chunks.add(Wire.object(event.substring(6)));
        }
        if (!calls.isEmpty()) chunks = toolChunks(chunks.getFirst(), chunks.getLast(), calls);
        if (usage) {
            ObjectNode last = chunks.getLast().deepCopy();
            last.putArray("choices");
            last.set("usage", Wire.object(Wire.resource(usageResource)).get("usage"));
            last.put("obfuscation", "t9");
            chunks.forEach(c -> c.putNull("usage"));
            chunks.add(last);
        }
        List<String> events = new ArrayList<>();
        for (ObjectNode c : chunks) {
            c.put("model", model);
            events.add(Wire.sseData(c.toString()));
        }
        events.add(Wire.sseData("[DONE]"));
        return withRequestId(Answer.sse(events));
    }

    /** Calls of the first declared function tool, unless the conversation ends with a tool result. */
    private static List<ToolAnswers.Call> toolCalls(MockProvider.Recorded r, ObjectNode req) {
        if (!Wire.nonEmptyArray(req, "tools") || "tool".equals(Wire.text(Wire.last(req, "messages"), "role", ""))) {
            return List.of();
        }
        JsonNode function = req.get("tools").get(0).path("function");
        return ToolAnswers.calls(r, function.path("name").asString("get_current_weather"),
                function.get("parameters"), "call_");
    }

    /**
     * Streamed tool calls in OpenAI's chunk shape: per call, one chunk with index, id, type and name
     * (arguments ""), then argument pieces carrying only index and arguments; the first chunk also
     * carries the role. Then the finish chunk.
     */
    private static List<ObjectNode> toolChunks(ObjectNode roleChunk, ObjectNode finishChunk, List<ToolAnswers.Call> calls) {
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            ToolAnswers.Call c = calls.get(i);
            ObjectNode head = roleChunk.deepCopy();
            ObjectNode delta = (ObjectNode) head.get("choices").get(0).get("delta");
            if (i == 0) {
                delta.putNull("content");
            } else {
                delta = ((ObjectNode) head.get("choices").get(0)).putObject("delta");
            }
            ObjectNode call = delta.putArray("tool_calls").addObject();
            call.put("index", i).put("id", c.id()).put("type", "function");
            call.putObject("function").put("name", c.name()).put("arguments", "");
            out.add(head);
            for (String piece : c.pieces()) {
                ObjectNode chunk = roleChunk.deepCopy();
                ObjectNode d = ((ObjectNode) chunk.get("choices").get(0)).putObject("delta");
                d.putArray("tool_calls").addObject().put("index", i).putObject("function").put("arguments", piece);
                out.add(chunk);
            }
        }
        ObjectNode finish = finishChunk.deepCopy();
        ((ObjectNode) finish.get("choices").get(0)).put("finish_reason", "tool_calls");
        out.add(finish);
        return out;
    }

    // ---- legacy completions -----------------------------------------------------------------

    private Answer completion(ObjectNode req) {
        String model = model(req, "babbage-002");
        if (!Wire.flag(req, "stream", false)) {
            ObjectNode body = Wire.object(Wire.resource("openai/completion.json"));
            body.put("model", model);
            return withRequestId(Answer.json(200, body.toString()));
        }
        boolean usage = req.path("stream_options").path("include_usage").asBoolean(false);
        String sse = Wire.resource(usage ? "openai/completion-stream-usage.sse" : "openai/completion-stream.sse");
        List<String> events = new ArrayList<>();
        for (String event : sse.split("\n\n")) {
            if (event.startsWith("data: {")) {
                events.add(Wire.sseData(Wire.object(event.substring(6)).put("model", model).toString()));
            } else if (!event.isBlank()) {
                events.add(event + "\n\n");
            }
        }
        return withRequestId(Answer.sse(events));
    }

    // ---- embeddings -------------------------------------------------------------------------

    private Answer embeddings(ObjectNode req) {
        JsonNode input = req.get("input");
        if (input == null || input.isNull()) return error(400, "'input' is a required property");
        int count = input.isArray() && (input.isEmpty() || !input.get(0).isNumber()) ? input.size() : 1;
        boolean base64 = "base64".equals(Wire.text(req, "encoding_format", "float"));
        ObjectNode body = Wire.object(Wire.resource(base64 ? "openai/embeddings-base64.json" : "openai/embeddings-float.json"));
        ObjectNode template = (ObjectNode) body.get("data").get(0);
        int dimensions = req.path("dimensions").asInt(0);
        if (!base64 && dimensions > 0 && dimensions < template.get("embedding").size()) {
            ArrayNode cut = template.putArray("embedding");
            JsonNode full = Wire.object(Wire.resource("openai/embeddings-float.json")).get("data").get(0).get("embedding");
            for (int i = 0; i < dimensions; i++) cut.add(full.get(i));
        }
        ArrayNode data = body.putArray("data");
        for (int i = 0; i < count; i++) data.add(template.deepCopy().put("index", i));
        body.put("model", model(req, "text-embedding-3-small"));
        int tokens = body.get("usage").get("prompt_tokens").asInt() * count;
        ((ObjectNode) body.get("usage")).put("prompt_tokens", tokens).put("total_tokens", tokens);
        return withRequestId(Answer.json(200, body.toString()));
    }

    // ---- models -----------------------------------------------------------------------------

    private static Answer models() {
        ObjectNode body = Wire.object().put("object", "list");
        ArrayNode data = body.putArray("data");
        Map<String, Long> created = Map.of(
                "gpt-5-nano", 1754426384L, "gpt-5-nano-2025-08-07", 1754426303L,
                "babbage-002", 1692634615L, "text-embedding-3-small", 1705948997L);
        created.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> data.addObject()
                .put("id", e.getKey()).put("object", "model").put("created", e.getValue()).put("owned_by", "system"));
        return withRequestId(Answer.json(200, body.toString()));
    }
}
