package dev.ingate.testkit;

import static dev.ingate.testkit.TestHttp.json;
import static dev.ingate.testkit.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The strict Anthropic mock refuses what /v1/messages refuses, in Anthropic's error envelope. */
class StrictAnthropicTest {

    static final MockProvider ANTHROPIC = MockProvider.anthropic().strict();
    static final String USER = "{\"role\":\"user\",\"content\":\"hi\"}";

    @AfterAll
    static void close() {
        ANTHROPIC.close();
    }

    static String body(String extra, String messages) {
        return "{\"model\":\"claude-x\",\"max_tokens\":2048," + (extra.isEmpty() ? "" : extra + ",")
                + "\"messages\":[" + messages + "]}";
    }

    static void accepted(String body) throws Exception {
        var res = post(ANTHROPIC, "/v1/messages", body);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    }

    static void refused(String body, String message) throws Exception {
        var res = post(ANTHROPIC, "/v1/messages", body);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
        JsonNode e = json(res.body());
        assertThat(e.get("type").asString()).isEqualTo("error");
        assertThat(e.at("/error/type").asString()).isEqualTo("invalid_request_error");
        assertThat(e.at("/error/message").asString()).contains(message);
        assertThat(res.headers().firstValue("request-id")).isPresent();
    }

    @Test
    void requiredFieldsAndTypes() throws Exception {
        accepted(body("", USER));
        refused("{\"max_tokens\":10,\"messages\":[" + USER + "]}", "model: Field required");
        refused("{\"model\":\"c\",\"messages\":[" + USER + "]}", "max_tokens: Field required");
        refused("{\"model\":\"c\",\"max_tokens\":\"10\",\"messages\":[" + USER + "]}", "max_tokens: Input should be a valid integer");
        refused(body("", ""), "messages: at least one message is required");
    }

    @Test
    void openAiOnlyFieldsAreExtraInputs() throws Exception {
        refused(body("\"stream\":true,\"stream_options\":{\"include_usage\":true}", USER),
                "stream_options: Extra inputs are not permitted");
        refused(body("\"n\":1", USER), "n: Extra inputs are not permitted");
        refused(body("\"response_format\":{\"type\":\"json_object\"}", USER), "response_format: Extra inputs are not permitted");
        refused(body("\"frequency_penalty\":0.5", USER), "frequency_penalty: Extra inputs are not permitted");
        accepted(body("\"system\":\"be brief\",\"top_k\":5,\"stop_sequences\":[\"x\"],\"metadata\":{\"user_id\":\"u\"}", USER));
    }

    @Test
    void rolesAndSystem() throws Exception {
        refused(body("", "{\"role\":\"system\",\"content\":\"be brief\"}," + USER), "messages.0.role: Input should be 'user' or 'assistant'");
        refused(body("", "{\"role\":\"tool\",\"content\":\"x\"}"), "messages.0.role");
        accepted(body("\"system\":[{\"type\":\"text\",\"text\":\"be brief\"}]", USER));
        refused(body("\"system\":[{\"type\":\"image\"}]", USER), "system.0.type");
    }

    @Test
    void contentBlocks() throws Exception {
        accepted(body("", "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/a.png\"}},"
                + "{\"type\":\"document\",\"source\":{\"type\":\"text\",\"media_type\":\"text/plain\",\"data\":\"doc\"}}]}"));
        refused(body("", "{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x\"}}]}"),
                "messages.0.content.0: Input tag 'image_url' found using 'type' does not match any of the expected tags");
        refused(body("", "{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"data\":\"x\"}}]}"),
                "messages.0.content.0.image.source.base64.media_type: Field required");
        refused(body("", USER + ",{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"hmm\"}]}"),
                "messages.1.content.0.thinking.signature: Field required");
        accepted(body("", USER + ",{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"hmm\",\"signature\":\"s\"},"
                + "{\"type\":\"redacted_thinking\",\"data\":\"d\"},{\"type\":\"text\",\"text\":\"ok\"}]}"));
    }

    static final String ASSISTANT_TOOL_USE = "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"checking\"},"
            + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"weather\",\"input\":{\"city\":\"Paris\"}}]}";

    @Test
    void toolResultsMustAnswerThePreviousToolUseAndComeFirst() throws Exception {
        accepted(body("", USER + "," + ASSISTANT_TOOL_USE + ",{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
                + "\"tool_use_id\":\"toolu_1\",\"content\":\"sunny\"},{\"type\":\"text\",\"text\":\"and?\"}]}"));
        refused(body("", USER + "," + ASSISTANT_TOOL_USE + ",{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
                + "\"tool_use_id\":\"toolu_other\",\"content\":\"sunny\"}]}"),
                "messages.2.content.0: unexpected `tool_use_id` found in `tool_result` blocks: toolu_other");
        refused(body("", USER + "," + ASSISTANT_TOOL_USE + "," + USER),
                "messages.1: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_1");
        refused(body("", USER + "," + ASSISTANT_TOOL_USE + ",{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"x\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"sunny\"}]}"),
                "`tool_result` blocks are not at the start of the content");
        refused(body("", "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"x\"}]}"),
                "unexpected `tool_use_id`");
        refused(body("", USER + ",{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"w\","
                + "\"input\":\"{\\\"city\\\":\\\"Paris\\\"}\"}]}"), "messages.1.content.0.tool_use.input: Input should be a valid dictionary");
    }

    @Test
    void toolsToolChoiceTemperatureAndThinking() throws Exception {
        accepted(body("\"tools\":[{\"name\":\"w\",\"input_schema\":{\"type\":\"object\"}},"
                + "{\"type\":\"web_search_20250305\",\"name\":\"web_search\"}],\"tool_choice\":{\"type\":\"any\"}", USER));
        refused(body("\"tools\":[{\"input_schema\":{}}]", USER), "tools.0.custom.name: Field required");
        refused(body("\"tools\":[{\"name\":\"w\",\"parameters\":{}}]", USER), "tools.0.custom.input_schema: Field required");
        refused(body("\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"w\"}}]", USER), "tools.0: Input tag 'function'");
        refused(body("\"tool_choice\":{\"type\":\"required\"}", USER), "tool_choice: Input tag 'required'");
        refused(body("\"tool_choice\":\"auto\"", USER), "tool_choice: Input tag ''");
        accepted(body("\"tool_choice\":{\"type\":\"tool\",\"name\":\"w\"},\"temperature\":1", USER));
        refused(body("\"temperature\":1.5", USER), "temperature: Input should be less than or equal to 1");
        accepted(body("\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024}", USER));
        refused(body("\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":512}", USER),
                "thinking.enabled.budget_tokens: Input should be greater than or equal to 1024");
        refused(body("\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":4096}", USER),
                "`max_tokens` must be greater than `thinking.budget_tokens`");
        refused(body("\"thinking\":{\"type\":\"on\"}", USER), "thinking: Input tag 'on'");
    }

    @Test
    void nonStrictMockStillTakesSloppyBodies() throws Exception {
        try (MockProvider lenient = MockProvider.anthropic()) {
            var res = post(lenient, "/v1/messages", "{\"model\":\"c\",\"n\":2,\"messages\":[{\"role\":\"system\",\"content\":\"x\"}]}");
            assertThat(res.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void scriptedBehavioursStillWinInStrictMode() throws Exception {
        ANTHROPIC.enqueue(Behaviour.json(200, "{\"scripted\":true}"));
        assertThat(post(ANTHROPIC, "/v1/messages", "{}").body()).isEqualTo("{\"scripted\":true}");
    }
}
