package dev.ingate.testkit;

import static dev.ingate.testkit.TestHttp.json;
import static dev.ingate.testkit.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The strict Ollama mock refuses what /api/chat refuses, as {"error":"…"}. */
class StrictOllamaTest {

    static final MockProvider OLLAMA = MockProvider.ollama().strict();

    @AfterAll
    static void close() {
        OLLAMA.close();
    }

    static String chat(String messages) {
        return "{\"model\":\"llama3.2\",\"stream\":false,\"messages\":[" + messages + "]}";
    }

    static void refused(String body, String message) throws Exception {
        var res = post(OLLAMA, "/api/chat", body);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
        assertThat(json(res.body()).get("error").asString()).contains(message);
    }

    static void accepted(String body) throws Exception {
        var res = post(OLLAMA, "/api/chat", body);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    }

    @Test
    void rules() throws Exception {
        accepted(chat("{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":\"hi\",\"images\":[\"iVBORw0KGgo=\"]},"
                + "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":\"w\",\"arguments\":{\"city\":\"Paris\"}}}]},"
                + "{\"role\":\"tool\",\"content\":\"sunny\",\"tool_name\":\"w\"}"));
        refused("{\"messages\":[]}", "model is required");
        refused(chat("{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":\"w\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}"),
                "json: cannot unmarshal string into Go struct field ChatRequest.messages.tool_calls.function.arguments of type api.ToolCallFunctionArguments");
        refused(chat("{\"role\":\"user\",\"content\":\"hi\",\"images\":[\"data:image/png;base64,iVBORw0KGgo=\"]}"),
                "illegal base64 data at input byte 4");
        refused(chat("{\"role\":\"user\",\"content\":\"hi\",\"images\":[{\"url\":\"https://x\"}]}"),
                "json: cannot unmarshal object into Go struct field ChatRequest.messages.images of type api.ImageData");
        refused(chat("{\"role\":\"developer\",\"content\":\"d\"}"), "invalid role: 'developer'");
    }
}
