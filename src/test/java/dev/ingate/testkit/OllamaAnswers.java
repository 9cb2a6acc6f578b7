package dev.ingate.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ollama's native API (docs/api.md): {@code POST /api/chat} and {@code /api/generate} stream NDJSON
 * ({@code done:false} chunks, then {@code done:true} with counts and durations) unless
 * {@code "stream":false}; {@code POST /api/embed}; {@code GET /api/tags}. Errors are {@code {"error":"…"}}.
 */
final class OllamaAnswers implements Dialect {

    static final int PROMPT_EVAL_COUNT = 26;
    static final int EVAL_COUNT = 9;
    private static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";

    @Override
    public Answer answer(MockProvider.Recorded r) {
        String route = r.method() + " " + r.path();
        if (route.equals("GET /api/tags")) return json(tags());
        boolean known = switch (route) {
            case "POST /api/chat", "POST /api/generate", "POST /api/embed" -> true;
            default -> false;
        };
        if (!known) return error(404, "404 page not found");
        ObjectNode req = Wire.request(r);
        if (req == null) return error(400, "invalid character 'x' looking for beginning of value");
        String model = Wire.text(req, "model", "");
        if (model.isEmpty()) return error(400, "model is required");
        boolean stream = Wire.flag(req, "stream", true);
        return switch (route) {
            case "POST /api/chat" -> chat(r, req, model, stream);
            case "POST /api/generate" -> generate(model, stream);
            default -> embed(req, model);
        };
    }

    @Override
    public Answer reject(MockProvider.Recorded r) {
        if (!(r.method() + " " + r.path()).equals("POST /api/chat")) return null;
        ObjectNode req = Wire.request(r);
        if (req == null || Wire.text(req, "model", "").isEmpty()) return null;
        String problem = OllamaRules.check(req);
        return problem == null ? null : error(400, problem);
    }

    @Override
    public Answer error(int status, String message) {
        return new Answer(status, java.util.Map.of("content-type", JSON_CONTENT_TYPE),
                List.of(Wire.object().put("error", message).toString()), false);
    }

    @Override
    public Answer rateLimited() {
        return error(429, "too many requests, please retry later").header("retry-after", "1");
    }

    private static Answer json(ObjectNode body) {
        return new Answer(200, java.util.Map.of("content-type", JSON_CONTENT_TYPE), List.of(body.toString()), false);
    }

    private static ObjectNode head(String model) {
        return Wire.object().put("model", model).put("created_at", Instant.now().toString());
    }

    private static ObjectNode done(ObjectNode chunk) {
        chunk.put("done", true).put("done_reason", "stop").put("total_duration", 4883583458L)
                .put("load_duration", 1334875L).put("prompt_eval_count", PROMPT_EVAL_COUNT)
                .put("prompt_eval_duration", 342546000L).put("eval_count", EVAL_COUNT)
                .put("eval_duration", 4535599000L);
        return chunk;
    }

    private static String line(ObjectNode o) {
        return o.toString() + "\n";
    }

    private Answer chat(MockProvider.Recorded r, ObjectNode req, String model, boolean stream) {
        boolean tools = Wire.nonEmptyArray(req, "tools") && !"tool".equals(Wire.text(Wire.last(req, "messages"), "role", ""));
        ObjectNode toolMessage = null;
        if (tools) {
            JsonNode function = req.get("tools").get(0).path("function");
            toolMessage = Wire.object().put("role", "assistant").put("content", "");
            var toolCalls = toolMessage.putArray("tool_calls");
            int i = 0;
            // Ollama sends arguments as an object, whole, and (since 0.12) an id and index per call.
            for (ToolAnswers.Call c : ToolAnswers.calls(r, function.path("name").asString("get_current_weather"),
                    function.get("parameters"), "call_")) {
                toolCalls.addObject().put("id", c.id()).putObject("function").put("index", i++)
                        .put("name", c.name()).set("arguments", c.arguments());
            }
        }
        if (!stream) {
            ObjectNode o = head(model);
            o.set("message", tools ? toolMessage : message(Wire.REPLY_TEXT));
            return json(done(o));
        }
        List<String> lines = new ArrayList<>();
        if (tools) {
            lines.add(line(head(model).set("message", toolMessage).put("done", false)));
        } else {
            for (String piece : Wire.REPLY) {
                lines.add(line(head(model).set("message", message(piece)).put("done", false)));
            }
        }
        lines.add(line(done(head(model).set("message", message("")))));
        return Answer.ndjson(lines);
    }

    private static ObjectNode message(String content) {
        return Wire.object().put("role", "assistant").put("content", content);
    }

    private Answer generate(String model, boolean stream) {
        if (!stream) {
            ObjectNode o = head(model).put("response", Wire.REPLY_TEXT);
            return json(withContext(done(o)));
        }
        List<String> lines = new ArrayList<>();
        for (String piece : Wire.REPLY) {
            lines.add(line(head(model).put("response", piece).put("done", false)));
        }
        lines.add(line(withContext(done(head(model).put("response", "")))));
        return Answer.ndjson(lines);
    }

    private static ObjectNode withContext(ObjectNode o) {
        o.putArray("context").add(1).add(2).add(3);
        return o;
    }

    private Answer embed(ObjectNode req, String model) {
        JsonNode input = req.get("input");
        int count = input != null && input.isArray() ? input.size() : 1;
        double[] vector = {0.010071029, -0.0017594862, 0.05007221, 0.04692972, 0.054916814,
                0.008599704, 0.105441414, -0.025878139, 0.12958129, 0.031952348};
        ObjectNode o = Wire.object().put("model", model);
        ArrayNode embeddings = o.putArray("embeddings");
        for (int i = 0; i < count; i++) {
            ArrayNode v = embeddings.addArray();
            for (double d : vector) v.add(d);
        }
        o.put("total_duration", 14143917L).put("load_duration", 1019500L).put("prompt_eval_count", 8 * count);
        return json(o);
    }

    private static ObjectNode tags() {
        ObjectNode o = Wire.object();
        ArrayNode models = o.putArray("models");
        for (String[] m : new String[][] {
                {"llama3.2:latest", "3B", "2019078332", "a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72"},
                {"all-minilm:latest", "23M", "45960996", "1b226e2802dbb772b5fc32a58f103ca1804ef7501331012de126ab22f67475ef"}}) {
            ObjectNode model = models.addObject().put("name", m[0]).put("model", m[0])
                    .put("modified_at", "2025-08-14T01:10:35.000000000Z").put("size", Long.parseLong(m[2]))
                    .put("digest", m[3]);
            ObjectNode details = model.putObject("details").put("parent_model", "").put("format", "gguf")
                    .put("family", m[0].startsWith("llama") ? "llama" : "bert");
            details.putArray("families").add(details.get("family").stringValue());
            details.put("parameter_size", m[1]).put("quantization_level", m[0].startsWith("llama") ? "Q4_K_M" : "F16");
        }
        return o;
    }
}
