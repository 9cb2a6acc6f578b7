package dev.ingate.proxy;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static dev.ingate.testkit.HttpCalls.json;

/** How each API shape asks a simple question and where its answer's text is, streamed and not, for pair tests. */
enum CallerShape {
    OPENAI_CHAT("/v1/chat/completions") {
        @Override
        String body(String model, boolean stream) {
            return "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
        }

        @Override
        String text(JsonNode body) {
            return body.at("/choices/0/message/content").asString();
        }

        @Override
        String streamedText(String body) {
            StringBuilder text = new StringBuilder();
            List<String> data = dataLines(body);
            if (!data.getLast().equals("[DONE]")) {
                throw new AssertionError("an OpenAI stream ends with [DONE]: " + body);
            }
            for (String line : data.subList(0, data.size() - 1)) {
                text.append(json(line).at("/choices/0/delta/content").asString(""));
            }
            return text.toString();
        }
    },
    ANTHROPIC("/v1/messages") {
        @Override
        String body(String model, boolean stream) {
            return "{\"model\":\"" + model + "\",\"max_tokens\":100,\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
        }

        @Override
        String text(JsonNode body) {
            StringBuilder text = new StringBuilder();
            body.path("content").forEach(block -> text.append(block.path("text").asString("")));
            return text.toString();
        }

        @Override
        String streamedText(String body) {
            StringBuilder text = new StringBuilder();
            List<String> data = dataLines(body);
            if (!json(data.getLast()).path("type").asString().equals("message_stop")) {
                throw new AssertionError("an Anthropic stream ends with message_stop: " + body);
            }
            for (String line : data) {
                JsonNode event = json(line);
                if (event.path("type").asString().equals("content_block_delta")) {
                    text.append(event.at("/delta/text").asString(""));
                }
            }
            return text.toString();
        }
    },
    OLLAMA("/api/chat") {
        @Override
        String body(String model, boolean stream) {
            return "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
        }

        @Override
        String text(JsonNode body) {
            return body.at("/message/content").asString();
        }

        @Override
        String streamedText(String body) {
            StringBuilder text = new StringBuilder();
            String[] lines = body.strip().split("\n");
            if (!json(lines[lines.length - 1]).path("done").asBoolean()) {
                throw new AssertionError("an Ollama stream ends with done:true: " + body);
            }
            for (String line : lines) {
                text.append(json(line).at("/message/content").asString(""));
            }
            return text.toString();
        }
    },
    OPENAI_RESPONSES("/v1/responses") {
        @Override
        String body(String model, boolean stream) {
            return "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"input\":\"Hello\"}";
        }

        @Override
        String text(JsonNode body) {
            StringBuilder text = new StringBuilder();
            body.path("output").forEach(item -> item.path("content").forEach(part -> text.append(part.path("text").asString(""))));
            return text.toString();
        }

        @Override
        String streamedText(String body) {
            StringBuilder text = new StringBuilder();
            List<String> data = dataLines(body);
            if (!json(data.getLast()).path("type").asString().equals("response.completed")) {
                throw new AssertionError("a Responses stream ends with response.completed: " + body);
            }
            for (String line : data) {
                JsonNode event = json(line);
                if (event.path("type").asString().equals("response.output_text.delta")) {
                    text.append(event.path("delta").asString());
                }
            }
            if (!text.toString().equals(text(json(data.getLast()).path("response")))) {
                throw new AssertionError("response.completed must hold what the deltas said: " + body);
            }
            return text.toString();
        }
    },
    GEMINI("/v1beta/models") {
        @Override
        String body(String model, boolean stream) {
            return "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hello\"}]}]}";
        }

        @Override
        String path(String model, boolean stream) {
            return "/v1beta/models/" + model + (stream ? ":streamGenerateContent?alt=sse" : ":generateContent");
        }

        @Override
        String text(JsonNode body) {
            StringBuilder text = new StringBuilder();
            body.at("/candidates/0/content/parts").forEach(part -> text.append(part.path("text").asString("")));
            return text.toString();
        }

        @Override
        String streamedText(String body) {
            StringBuilder text = new StringBuilder();
            List<String> data = dataLines(body);
            if (json(data.getLast()).at("/candidates/0/finishReason").isMissingNode()) {
                throw new AssertionError("a Gemini stream's last chunk has the finish reason: " + body);
            }
            for (String line : data) {
                text.append(text(json(line)));
            }
            return text.toString();
        }
    };

    final String path;

    CallerShape(String path) {
        this.path = path;
    }

    abstract String body(String model, boolean stream);

    abstract String text(JsonNode body);

    abstract String streamedText(String body);

    String path(String model, boolean stream) {
        return path;
    }

    static List<String> dataLines(String sse) {
        List<String> data = new ArrayList<>();
        for (String line : sse.split("\r?\n")) {
            if (line.startsWith("data:")) {
                data.add(line.substring(5).strip());
            }
        }
        return data;
    }
}
