package dev.ingate.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google's Gemini API (generativelanguage): {@code POST /v1beta/models/{model}:generateContent}
 * (a GenerateContentResponse), {@code :streamGenerateContent} (with {@code ?alt=sse}: SSE
 * {@code data:} chunks and no [DONE]; without: one JSON array of the same chunks) and
 * {@code :countTokens}. Errors are {@code {"error":{"code","message","status"}}}.
 */
final class GeminiAnswers implements Dialect {

    static final int PROMPT_TOKENS = 8;
    static final int CANDIDATES_TOKENS = Wire.REPLY.size();
    static final int TOOL_PROMPT_TOKENS = 40;
    static final int TOOL_CALL_TOKENS = 5;

    private static final Pattern ROUTE =
            Pattern.compile("/(v1beta|v1)/models/([^/:]+):(generateContent|streamGenerateContent|countTokens)");
    /** The reply as Gemini streams it: a few larger pieces rather than single tokens. */
    private static final List<String> STREAM_PIECES = List.of("Hi there!", " How can I", " help today?");

    @Override
    public Answer answer(MockProvider.Recorded r) {
        Answer refused = preflight(r);
        if (refused != null) return refused;
        Matcher m = route(r);
        ObjectNode req = Wire.request(r);
        String model = m.group(2);
        return switch (m.group(3)) {
            case "countTokens" -> Answer.json(200, Wire.object().put("totalTokens", PROMPT_TOKENS).toString());
            case "generateContent" -> Answer.json(200, whole(model, calls(r, req)).toString());
            default -> stream(model, calls(r, req), "sse".equals(queryParam(r, "alt")));
        };
    }

    @Override
    public Answer reject(MockProvider.Recorded r) {
        Answer refused = preflight(r);
        if (refused != null) return refused;
        if (route(r).group(3).equals("countTokens")) return null;
        String problem = GeminiRules.check(Wire.request(r));
        return problem == null ? null : error(400, problem);
    }

    /** What the real API answers before looking at the body: unknown route, no key, not JSON. */
    private Answer preflight(MockProvider.Recorded r) {
        Matcher m = route(r);
        if (m == null || !r.method().equals("POST")) {
            return error(404, "Method not found or not supported: " + r.method() + " " + r.path());
        }
        String key = r.header("x-goog-api-key");
        if ((key == null || key.isBlank()) && (queryParam(r, "key") == null || queryParam(r, "key").isBlank())) {
            // What Google answers a call without any key (checked against real API reports).
            return error(403, "Method doesn't allow unregistered callers (callers without established identity)."
                    + " Please use API Key or other form of API consumer identity to call this API.");
        }
        if (Wire.request(r) == null) {
            return error(400, "Invalid JSON payload received. Unexpected token.");
        }
        return null;
    }

    private static Matcher route(MockProvider.Recorded r) {
        Matcher m = ROUTE.matcher(r.path());
        return m.matches() ? m : null;
    }

    private static String queryParam(MockProvider.Recorded r, String name) {
        if (r.query() == null) return null;
        for (String pair : r.query().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) return pair.substring(eq + 1);
        }
        return null;
    }

    @Override
    public Answer error(int status, String message) {
        String code = switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 409 -> "ABORTED";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 499 -> "CANCELLED";
            case 501 -> "UNIMPLEMENTED";
            case 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> "INTERNAL";
        };
        return error(status, message, code);
    }

    static Answer error(int status, String message, String code) {
        ObjectNode body = Wire.object();
        body.putObject("error").put("code", status).put("message", message).put("status", code);
        return new Answer(status, Map.of("content-type", "application/json; charset=UTF-8"), List.of(body.toString()), false);
    }

    @Override
    public Answer rateLimited() {
        ObjectNode body = Wire.object();
        ObjectNode e = body.putObject("error").put("code", 429)
                .put("message", "You exceeded your current quota, please check your plan and billing details."
                        + " For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.")
                .put("status", "RESOURCE_EXHAUSTED");
        ArrayNode details = e.putArray("details");
        details.addObject().put("@type", "type.googleapis.com/google.rpc.RetryInfo").put("retryDelay", "1s");
        // Google puts the delay in RetryInfo; the retry-after header keeps the kit's promise for every dialect.
        return new Answer(429, Map.of("content-type", "application/json; charset=UTF-8"), List.of(body.toString()), false)
                .header("retry-after", "1");
    }

    // ---- answers --------------------------------------------------------------------------------

    /** Calls of the first function declaration, unless the last content answers a call. */
    private static List<ToolAnswers.Call> calls(MockProvider.Recorded r, ObjectNode req) {
        JsonNode declaration = null;
        for (JsonNode tool : req.path("tools")) {
            JsonNode decls = tool.has("functionDeclarations") ? tool.get("functionDeclarations") : tool.get("function_declarations");
            if (decls != null && decls.isArray() && !decls.isEmpty()) {
                declaration = decls.get(0);
                break;
            }
        }
        if (declaration == null) return List.of();
        for (JsonNode part : Wire.last(req, "contents").path("parts")) {
            if (part.has("functionResponse") || part.has("function_response")) return List.of();
        }
        JsonNode schema = declaration.has("parameters") ? declaration.get("parameters") : declaration.get("parametersJsonSchema");
        return ToolAnswers.calls(r, declaration.path("name").asString("get_current_weather"), schema, "fc_");
    }

    private static ObjectNode whole(String model, List<ToolAnswers.Call> calls) {
        ArrayNode parts = Wire.JSON.createArrayNode();
        if (calls.isEmpty()) {
            parts.addObject().put("text", Wire.REPLY_TEXT);
        } else {
            calls.forEach(c -> parts.add(functionCallPart(c)));
        }
        return chunk(model, Wire.id(""), parts, true, calls.size());
    }

    private static Answer stream(String model, List<ToolAnswers.Call> calls, boolean sse) {
        String responseId = Wire.id("");
        List<ObjectNode> chunks = new ArrayList<>();
        if (calls.isEmpty()) {
            for (int i = 0; i < STREAM_PIECES.size(); i++) {
                ArrayNode parts = Wire.JSON.createArrayNode();
                parts.addObject().put("text", STREAM_PIECES.get(i));
                chunks.add(chunk(model, responseId, parts, i == STREAM_PIECES.size() - 1, 0));
            }
        } else {
            // Gemini sends function calls whole, in one chunk that also ends the turn.
            ArrayNode parts = Wire.JSON.createArrayNode();
            calls.forEach(c -> parts.add(functionCallPart(c)));
            chunks.add(chunk(model, responseId, parts, true, calls.size()));
        }
        if (sse) return Answer.sse(chunks.stream().map(c -> "data: " + c + "\r\n\r\n").toList());
        ArrayNode array = Wire.JSON.createArrayNode();
        chunks.forEach(array::add);
        return Answer.json(200, array.toString());
    }

    private static ObjectNode functionCallPart(ToolAnswers.Call c) {
        ObjectNode part = Wire.object();
        part.putObject("functionCall").put("id", c.id()).put("name", c.name()).set("args", c.arguments());
        return part;
    }

    /** One GenerateContentResponse; the last one of a turn carries finishReason and full usage. */
    private static ObjectNode chunk(String model, String responseId, ArrayNode parts, boolean last, int calls) {
        ObjectNode o = Wire.object();
        ObjectNode candidate = o.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        content.set("parts", parts);
        content.put("role", "model");
        if (last) candidate.put("finishReason", "STOP");
        candidate.put("index", 0);
        int prompt = calls == 0 ? PROMPT_TOKENS : TOOL_PROMPT_TOKENS;
        ObjectNode usage = o.putObject("usageMetadata").put("promptTokenCount", prompt);
        if (last) {
            int out = calls == 0 ? CANDIDATES_TOKENS : TOOL_CALL_TOKENS * calls;
            usage.put("candidatesTokenCount", out).put("totalTokenCount", prompt + out);
        } else {
            usage.put("totalTokenCount", prompt);
        }
        usage.putArray("promptTokensDetails").addObject().put("modality", "TEXT").put("tokenCount", prompt);
        o.put("modelVersion", model);
        o.put("responseId", responseId);
        return o;
    }
}
