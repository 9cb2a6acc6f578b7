package dev.ingate.proxy;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.ingate.testkit.HttpCalls.json;

/** How each caller shape declares the weather tool, and where the tool calls of its answer are, streamed or not. */
final class ToolShapes {

    /** One tool call as the caller sees it: the function's name and its arguments as JSON. */
    record Call(String name, JsonNode arguments) {
    }

    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}";

    private ToolShapes() {
    }

    static String body(CallerShape shape, String model, boolean stream) {
        String question = shape.body(model, stream);
        String tools = switch (shape) {
            case OPENAI_CHAT, OLLAMA -> "[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":" + SCHEMA + "}}]";
            case ANTHROPIC -> "[{\"name\":\"get_weather\",\"input_schema\":" + SCHEMA + "}]";
            case OPENAI_RESPONSES -> "[{\"type\":\"function\",\"name\":\"get_weather\",\"parameters\":" + SCHEMA + "}]";
            case GEMINI -> "[{\"functionDeclarations\":[{\"name\":\"get_weather\",\"parameters\":" + SCHEMA + "}]}]";
        };
        return question.substring(0, question.length() - 1) + ",\"tools\":" + tools + "}";
    }

    static List<Call> calls(CallerShape shape, JsonNode body) {
        List<Call> calls = new ArrayList<>();
        switch (shape) {
            case OPENAI_CHAT -> body.at("/choices/0/message/tool_calls").forEach(call ->
                    calls.add(new Call(call.at("/function/name").asString(), json(call.at("/function/arguments").asString()))));
            case ANTHROPIC -> body.path("content").forEach(block -> {
                if (block.path("type").asString().equals("tool_use")) {
                    calls.add(new Call(block.path("name").asString(), block.path("input")));
                }
            });
            case OLLAMA -> body.at("/message/tool_calls").forEach(call ->
                    calls.add(new Call(call.at("/function/name").asString(), call.at("/function/arguments"))));
            case OPENAI_RESPONSES -> body.path("output").forEach(item -> {
                if (item.path("type").asString().equals("function_call")) {
                    calls.add(new Call(item.path("name").asString(), json(item.path("arguments").asString())));
                }
            });
            case GEMINI -> body.at("/candidates/0/content/parts").forEach(part -> {
                if (part.has("functionCall")) {
                    calls.add(new Call(part.at("/functionCall/name").asString(), part.at("/functionCall/args")));
                }
            });
        }
        return calls;
    }

    static List<Call> streamedCalls(CallerShape shape, String body) {
        return switch (shape) {
            case OPENAI_CHAT -> openAiChunks(CallerShape.dataLines(body));
            case ANTHROPIC -> anthropicEvents(CallerShape.dataLines(body));
            case OLLAMA -> {
                List<Call> calls = new ArrayList<>();
                for (String line : body.strip().split("\n")) {
                    calls.addAll(calls(shape, json(line)));
                }
                yield calls;
            }
            case OPENAI_RESPONSES -> {
                List<String> data = CallerShape.dataLines(body);
                yield calls(shape, json(data.getLast()).path("response"));
            }
            case GEMINI -> {
                List<Call> calls = new ArrayList<>();
                CallerShape.dataLines(body).forEach(line -> calls.addAll(calls(shape, json(line))));
                yield calls;
            }
        };
    }

    private static List<Call> openAiChunks(List<String> data) {
        Map<Integer, String> names = new TreeMap<>();
        Map<Integer, StringBuilder> arguments = new TreeMap<>();
        for (String line : data) {
            if (line.equals("[DONE]")) {
                continue;
            }
            json(line).at("/choices/0/delta/tool_calls").forEach(call -> {
                int index = call.path("index").asInt();
                if (call.at("/function/name").isString()) {
                    names.put(index, call.at("/function/name").asString());
                }
                arguments.computeIfAbsent(index, i -> new StringBuilder()).append(call.at("/function/arguments").asString(""));
            });
        }
        List<Call> calls = new ArrayList<>();
        names.forEach((index, name) -> calls.add(new Call(name, json(arguments.get(index).toString()))));
        return calls;
    }

    private static List<Call> anthropicEvents(List<String> data) {
        Map<Integer, String> names = new TreeMap<>();
        Map<Integer, StringBuilder> arguments = new TreeMap<>();
        for (String line : data) {
            JsonNode event = json(line);
            int index = event.path("index").asInt();
            switch (event.path("type").asString()) {
                case "content_block_start" -> {
                    if (event.at("/content_block/type").asString().equals("tool_use")) {
                        names.put(index, event.at("/content_block/name").asString());
                        arguments.put(index, new StringBuilder());
                    }
                }
                case "content_block_delta" -> {
                    if (names.containsKey(index)) {
                        arguments.get(index).append(event.at("/delta/partial_json").asString(""));
                    }
                }
                default -> {
                }
            }
        }
        List<Call> calls = new ArrayList<>();
        names.forEach((index, name) -> calls.add(new Call(name, json(arguments.get(index).toString()))));
        return calls;
    }
}
