package dev.ingate.translate.responses;

import dev.ingate.translate.openai.DataUrls;
import dev.ingate.translate.Json;
import dev.ingate.translate.TranslationException;
import dev.ingate.translate.canonical.ContentPart;
import dev.ingate.translate.canonical.Message;
import dev.ingate.translate.canonical.Role;
import dev.ingate.translate.canonical.Shape;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A Responses {@code input} (a string, or a list of items) → canonical turns and system text. Responses lists a
 * turn's pieces as separate items (a message, then each function call, then each call's output); the canonical
 * model wants them grouped by role, so an item joins the previous turn when the roles match. System and developer
 * messages go to the system text, as they do from Chat Completions.
 */
final class InputItemDecoder {

    private final List<String> system;
    private final List<Message> messages = new ArrayList<>();

    private InputItemDecoder(List<String> system) {
        this.system = system;
    }

    /** @param system receives the text of system and developer messages, after {@code instructions} */
    static List<Message> decode(JsonNode input, List<String> system) {
        InputItemDecoder decoder = new InputItemDecoder(system);
        if (input != null && input.isString()) {
            decoder.add(Role.USER, new ContentPart.Text(input.stringValue()));
        } else if (input != null && input.isArray()) {
            input.forEach(decoder::decodeItem);
        }
        return decoder.messages;
    }

    private void decodeItem(JsonNode item) {
        String type = Json.text(item, "type", item.has("role") ? "message" : "");
        // Reasoning made here from another vendor's thinking goes back as thinking, signature and all.
        if (type.equals("reasoning") && Json.text(item, "id", "").startsWith(OutputItems.MADE_REASONING_PREFIX)) {
            add(Role.ASSISTANT, new ContentPart.Thinking(ResponsesResponseDecoder.reasoningText(item), Json.text(item, "encrypted_content", "")));
            return;
        }
        switch (type) {
            case "message" -> decodeMessage(item);
            case "function_call" -> add(Role.ASSISTANT, new ContentPart.ToolCall(Json.text(item, "call_id", ""),
                    Json.text(item, "name", ""), Json.text(item, "arguments", "")));
            case "function_call_output" -> add(Role.USER, new ContentPart.ToolResult(Json.text(item, "call_id", ""),
                    outputParts(item.get("output")), false));
            // OpenAI's own reasoning (its id, its encrypted content) is of use only to OpenAI: kept raw for the same shape.
            default -> add(type.endsWith("_output") ? Role.USER : Role.ASSISTANT,
                    new ContentPart.Opaque(Shape.OPENAI_RESPONSES, type, Json.write(item)));
        }
    }

    private void decodeMessage(JsonNode item) {
        String role = Json.text(item, "role", "");
        JsonNode content = item.get("content");
        switch (role) {
            case "system", "developer" -> system.add(joinedText(content));
            case "user" -> contentParts(content).forEach(part -> add(Role.USER, part));
            case "assistant" -> contentParts(content).forEach(part -> add(Role.ASSISTANT, part));
            default -> throw new TranslationException("unsupported message role: " + role);
        }
    }

    private void add(Role role, ContentPart part) {
        if (!messages.isEmpty() && messages.getLast().role() == role) {
            List<ContentPart> parts = new ArrayList<>(messages.getLast().parts());
            parts.add(part);
            messages.set(messages.size() - 1, new Message(role, parts));
        } else {
            messages.add(new Message(role, List.of(part)));
        }
    }

    /** Parts of a message's content, the same for input ({@code input_text}) and earlier output ({@code output_text}). */
    private static List<ContentPart> contentParts(JsonNode content) {
        if (content == null || content.isNull()) {
            return List.of();
        }
        if (content.isString()) {
            return List.of(new ContentPart.Text(content.stringValue()));
        }
        List<ContentPart> parts = new ArrayList<>();
        for (JsonNode part : content) {
            String type = Json.text(part, "type", "");
            switch (type) {
                case "input_text", "output_text" -> parts.add(new ContentPart.Text(Json.text(part, "text", "")));
                case "refusal" -> parts.add(new ContentPart.Text(Json.text(part, "refusal", "")));
                case "input_image" -> parts.add(imagePart(part));
                default -> parts.add(new ContentPart.Opaque(Shape.OPENAI_RESPONSES, type, Json.write(part)));
            }
        }
        return parts;
    }

    /** An image by URL or data URL; one by {@code file_id} means something only to OpenAI. */
    private static ContentPart imagePart(JsonNode part) {
        return Json.text(part, "image_url")
                .<ContentPart>map(url -> new ContentPart.Image(DataUrls.decode(url)))
                .orElseGet(() -> new ContentPart.Opaque(Shape.OPENAI_RESPONSES, "input_image", Json.write(part)));
    }

    /** A function call's output: a string, or (newer API) a list of text and image parts. */
    private static List<ContentPart> outputParts(JsonNode output) {
        if (output != null && output.isArray()) {
            // A tool result holds only text and images; a file in one has nowhere to go.
            return contentParts(output).stream()
                    .filter(part -> part instanceof ContentPart.Text || part instanceof ContentPart.Image).toList();
        }
        return List.of(new ContentPart.Text(output == null || output.isNull() ? "" : output.isString() ? output.stringValue() : Json.write(output)));
    }

    static String joinedText(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isString()) {
            return content.stringValue();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(part -> Json.text(part, "text").ifPresent(text::append));
        return text.toString();
    }
}
