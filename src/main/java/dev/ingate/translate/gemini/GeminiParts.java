package dev.ingate.translate.gemini;

import dev.ingate.translate.canonical.Signatures;
import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.ContentPart;
import dev.ingate.translate.canonical.ImageSource;
import dev.ingate.translate.canonical.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gemini {@code parts} ↔ canonical content parts, the same in requests and responses.
 *
 * <p>A {@code thoughtSignature} on a part that is not a thought (Gemini signs function calls, and sometimes the last
 * text part) has no canonical field: it becomes a thinking part with no text right before the part it signed, and
 * goes back onto the next part on the way out. Gemini 3 rejects function calls sent back without their signature.
 */
final class GeminiParts {

    private GeminiParts() {
    }

    static List<ContentPart> decode(JsonNode content, CallIds ids) {
        List<ContentPart> parts = new ArrayList<>();
        for (JsonNode part : Fields.elements(content, "parts")) {
            decodePart(part, ids, parts);
        }
        return parts;
    }

    private static void decodePart(JsonNode part, CallIds ids, List<ContentPart> out) {
        String signature = Signatures.fromWire(Shape.GEMINI, Fields.text(part, "thoughtSignature", ""));
        if (Fields.flag(part, "thought")) {
            out.add(new ContentPart.Thinking(Fields.text(part, "text", ""), signature));
            return;
        }
        JsonNode inline = Fields.get(part, "inlineData");
        JsonNode file = Fields.get(part, "fileData");
        JsonNode call = Fields.get(part, "functionCall");
        JsonNode response = Fields.get(part, "functionResponse");
        ContentPart decoded;
        if (Fields.has(part, "text")) {
            String text = Fields.text(part, "text", "");
            decoded = text.isEmpty() ? null : new ContentPart.Text(text);
        } else if (inline != null && isImage(Fields.text(inline, "mimeType", ""))) {
            decoded = new ContentPart.Image(new ImageSource.Base64(Fields.text(inline, "mimeType", ""), Fields.text(inline, "data", "")));
        } else if (file != null && isImage(Fields.text(file, "mimeType", ""))) {
            decoded = new ContentPart.Image(new ImageSource.Url(Fields.text(file, "fileUri", "")));
        } else if (call != null) {
            String name = Fields.text(call, "name", "");
            JsonNode args = Fields.get(call, "args");
            decoded = new ContentPart.ToolCall(ids.call(Fields.text(call, "id", ""), name), name,
                    Json.write(args == null ? Json.object() : args));
        } else if (response != null) {
            String id = ids.response(Fields.text(response, "id", ""), Fields.text(response, "name", ""));
            decoded = FunctionResponses.decode(id, Fields.get(response, "response"));
        } else {
            // Code execution, video metadata, other files: only Gemini understands them, signature and all.
            String kind = part.properties().isEmpty() ? "part" : Fields.camel(part.properties().iterator().next().getKey());
            out.add(new ContentPart.Opaque(Shape.GEMINI, kind, Json.write(part)));
            return;
        }
        if (!signature.isEmpty()) {
            out.add(new ContentPart.Thinking("", signature));
        }
        if (decoded != null) {
            out.add(decoded);
        }
    }

    private static boolean isImage(String mimeType) {
        return mimeType.startsWith("image/");
    }

    /**
     * Parts for what Gemini can take; the rest are named in {@code dropped}. {@code callNames} maps tool call ids to
     * function names: a {@code functionResponse} must name its function, and a canonical result only knows the id.
     * Thinking goes out as thought parts in requests too: they are Gemini's own format, and it ignores them.
     */
    /** @param toUpstream a request to Gemini (other vendors' signatures are left out), else an answer to a client */
    private static String signatureFor(ContentPart.Thinking thinking, boolean toUpstream) {
        return toUpstream ? Signatures.forUpstream(Shape.GEMINI, thinking.signature()) : Signatures.forClient(Shape.GEMINI, thinking.signature());
    }

    static ArrayNode encode(List<ContentPart> parts, Map<String, String> callNames, List<String> dropped, boolean toUpstream) {
        ArrayNode encoded = Json.array();
        String pendingSignature = null;
        for (ContentPart part : parts) {
            ObjectNode node = switch (part) {
                case ContentPart.Text text -> Json.object().put("text", text.text());
                case ContentPart.Image image -> image(image.source());
                case ContentPart.ToolCall call -> functionCall(call);
                case ContentPart.ToolResult result -> {
                    ObjectNode wrapper = Json.object();
                    ObjectNode response = wrapper.putObject("functionResponse");
                    if (!ToolCallIds.isGenerated(result.toolCallId())) {
                        response.put("id", result.toolCallId());
                    }
                    response.put("name", callNames.getOrDefault(result.toolCallId(), result.toolCallId()));
                    response.set("response", FunctionResponses.encode(result, dropped));
                    yield wrapper;
                }
                case ContentPart.Thinking thinking when thinking.text().isEmpty() -> {
                    String signature = signatureFor(thinking, toUpstream);
                    pendingSignature = signature.isEmpty() ? null : signature;
                    yield null;
                }
                case ContentPart.Thinking thinking -> {
                    ObjectNode thought = Json.object().put("text", thinking.text()).put("thought", true);
                    String signature = signatureFor(thinking, toUpstream);
                    if (!signature.isEmpty()) {
                        thought.put("thoughtSignature", signature);
                    }
                    yield thought;
                }
                case ContentPart.Opaque opaque when opaque.origin() == Shape.GEMINI -> (ObjectNode) Json.parse(opaque.rawJson());
                case ContentPart.Opaque opaque -> {
                    dropped.add("content:" + opaque.type());
                    yield null;
                }
            };
            if (node != null) {
                if (pendingSignature != null && !node.has("thought") && !node.has("thoughtSignature")) {
                    node.put("thoughtSignature", pendingSignature);
                }
                pendingSignature = null;
                encoded.add(node);
            }
        }
        if (pendingSignature != null) {
            encoded.addObject().put("text", "").put("thoughtSignature", pendingSignature);
        }
        return encoded;
    }

    static ObjectNode functionCall(ContentPart.ToolCall call) {
        ObjectNode wrapper = Json.object();
        ObjectNode functionCall = wrapper.putObject("functionCall");
        if (!ToolCallIds.isGenerated(call.id())) {
            functionCall.put("id", call.id());
        }
        functionCall.put("name", call.name());
        functionCall.set("args", Json.argumentsObject(call.argumentsJson()));
        return wrapper;
    }

    private static ObjectNode image(ImageSource source) {
        ObjectNode part = Json.object();
        switch (source) {
            case ImageSource.Base64 inline -> part.putObject("inlineData").put("mimeType", inline.mediaType()).put("data", inline.data());
            case ImageSource.Url url -> {
                ObjectNode file = part.putObject("fileData");
                String mimeType = mimeTypeOf(url.url());
                if (mimeType != null) {
                    file.put("mimeType", mimeType);
                }
                file.put("fileUri", url.url());
            }
        }
        return part;
    }

    /** A URL image has no media type in other shapes; Gemini wants one, so it is read from the file extension. */
    static String mimeTypeOf(String url) {
        String path = url.toLowerCase(Locale.ROOT).replaceFirst("[?#].*$", "");
        if (path.endsWith(".jpg") || path.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        for (String type : List.of("png", "gif", "webp", "heic", "heif")) {
            if (path.endsWith("." + type)) {
                return "image/" + type;
            }
        }
        return null;
    }
}
