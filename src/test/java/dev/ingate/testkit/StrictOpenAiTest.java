package dev.ingate.testkit;

import static dev.ingate.testkit.TestHttp.json;
import static dev.ingate.testkit.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The strict OpenAI mock refuses what chat completions and Responses refuse, in OpenAI's error envelope. */
class StrictOpenAiTest {

    static final MockProvider OPENAI = MockProvider.openai().strict();
    static final String USER = "{\"role\":\"user\",\"content\":\"hi\"}";
    static final String ASSISTANT_CALL = "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\","
            + "\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}";
    static final String TOOL_RESULT = "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"sunny\"}";

    @AfterAll
    static void close() {
        OPENAI.close();
    }

    static String chat(String extra, String messages) {
        return "{\"model\":\"gpt-x\"," + (extra.isEmpty() ? "" : extra + ",") + "\"messages\":[" + messages + "]}";
    }

    static void accepted(String path, String body) throws Exception {
        var res = post(OPENAI, path, body);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    }

    static JsonNode refused(String path, String body, String message) throws Exception {
        var res = post(OPENAI, path, body);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
        JsonNode e = json(res.body()).get("error");
        assertThat(e.get("type").asString()).isEqualTo("invalid_request_error");
        assertThat(e.has("param")).isTrue();
        assertThat(e.has("code")).isTrue();
        assertThat(e.get("message").asString()).contains(message);
        return e;
    }

    static JsonNode refusedChat(String body, String message) throws Exception {
        return refused("/v1/chat/completions", body, message);
    }

    @Test
    void chatRequiredFields() throws Exception {
        accepted("/v1/chat/completions", chat("", USER));
        refusedChat("{\"messages\":[" + USER + "]}", "you must provide a model parameter");
        JsonNode missing = refusedChat("{\"model\":\"m\"}", "Missing required parameter: 'messages'.");
        assertThat(missing.get("param").asString()).isEqualTo("messages");
        assertThat(missing.get("code").asString()).isEqualTo("missing_required_parameter");
        assertThat(refusedChat(chat("", ""), "empty array").get("code").asString()).isEqualTo("empty_array");
    }

    @Test
    void chatRoles() throws Exception {
        accepted("/v1/chat/completions", chat("", "{\"role\":\"developer\",\"content\":\"d\"},{\"role\":\"system\",\"content\":\"s\"},"
                + USER + ",{\"role\":\"assistant\",\"content\":\"a\"}," + USER));
        JsonNode bad = refusedChat(chat("", "{\"role\":\"model\",\"content\":\"x\"}"), "Invalid value: 'model'.");
        assertThat(bad.get("param").asString()).isEqualTo("messages[0].role");
    }

    @Test
    void chatToolMessagesMustAnswerAPrecedingToolCall() throws Exception {
        accepted("/v1/chat/completions", chat("", USER + "," + ASSISTANT_CALL + "," + TOOL_RESULT));
        refusedChat(chat("", USER + "," + TOOL_RESULT), "messages with role 'tool' must be a response to a preceeding message with 'tool_calls'");
        refusedChat(chat("", USER + "," + ASSISTANT_CALL + ",{\"role\":\"tool\",\"tool_call_id\":\"call_2\",\"content\":\"x\"}"),
                "messages with role 'tool' must be a response");
        refusedChat(chat("", USER + "," + ASSISTANT_CALL + ",{\"role\":\"tool\",\"content\":\"x\"}"),
                "Missing required parameter: 'messages[2].tool_call_id'.");
        refusedChat(chat("", USER + "," + ASSISTANT_CALL + "," + USER),
                "The following tool_call_ids did not have response messages: call_1");
        JsonNode objectArgs = refusedChat(chat("", USER + ",{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"weather\",\"arguments\":{\"city\":\"Paris\"}}}]}," + TOOL_RESULT),
                "Invalid type for 'messages[1].tool_calls[0].function.arguments': expected a string, but got an object instead.");
        assertThat(objectArgs.get("code").asString()).isEqualTo("invalid_type");
    }

    @Test
    void chatToolsStreamOptionsAndForeignFields() throws Exception {
        accepted("/v1/chat/completions", chat("\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"w\",\"parameters\":{}}}],"
                + "\"max_tokens\":10,\"stream\":true,\"stream_options\":{\"include_usage\":true}", USER));
        refusedChat(chat("\"tools\":[{\"name\":\"w\",\"input_schema\":{}}]", USER), "Missing required parameter: 'tools[0].type'.");
        refusedChat(chat("\"tools\":[{\"type\":\"tool\",\"function\":{\"name\":\"w\"}}]", USER), "Invalid value: 'tool'.");
        refusedChat(chat("\"tools\":[{\"type\":\"function\",\"function\":{\"parameters\":{}}}]", USER),
                "Missing required parameter: 'tools[0].function.name'.");
        JsonNode so = refusedChat(chat("\"stream_options\":{\"include_usage\":true}", USER),
                "The 'stream_options' parameter is only allowed when 'stream' is enabled.");
        assertThat(so.get("param").asString()).isEqualTo("stream_options");
        refusedChat(chat("\"top_k\":5", USER), "Unrecognized request argument supplied: top_k");
        refusedChat(chat("\"system\":\"be brief\"", USER), "Unrecognized request argument supplied: system");
        refusedChat(chat("\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":2000}", USER), "Unrecognized request argument supplied: thinking");
    }

    @Test
    void responsesRules() throws Exception {
        accepted("/v1/responses", "{\"model\":\"gpt-5\",\"input\":\"hi\"}");
        accepted("/v1/responses", "{\"model\":\"gpt-5\",\"input\":[{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"type\":\"function_call\",\"call_id\":\"call_1\",\"name\":\"w\",\"arguments\":\"{}\"},"
                + "{\"type\":\"function_call_output\",\"call_id\":\"call_1\",\"output\":\"sunny\"}],"
                + "\"tools\":[{\"type\":\"function\",\"name\":\"w\",\"parameters\":{}}]}");
        refused("/v1/responses", "{\"input\":\"hi\"}", "Missing required parameter: 'model'.");
        JsonNode orphan = refused("/v1/responses", "{\"model\":\"gpt-5\",\"input\":[{\"type\":\"function_call_output\","
                + "\"call_id\":\"call_9\",\"output\":\"x\"}]}", "No tool call found for function call output with call_id call_9.");
        assertThat(orphan.get("param").asString()).isEqualTo("input");
        accepted("/v1/responses", "{\"model\":\"gpt-5\",\"previous_response_id\":\"resp_1\",\"input\":[{\"type\":\"function_call_output\","
                + "\"call_id\":\"call_9\",\"output\":\"x\"}]}");
        refused("/v1/responses", "{\"model\":\"gpt-5\",\"input\":[{\"type\":\"tool_result\",\"content\":\"x\"}]}", "Invalid value: 'tool_result'.");
        refused("/v1/responses", "{\"model\":\"gpt-5\",\"input\":[{\"role\":\"tool\",\"content\":\"x\"}]}", "Invalid value: 'tool'.");
        refused("/v1/responses", "{\"model\":\"gpt-5\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}]}",
                "Invalid value: 'text'.");
        refused("/v1/responses", "{\"model\":\"gpt-5\",\"input\":\"hi\",\"messages\":[]}", "Unknown parameter: 'messages'.");
        refused("/v1/responses", "{\"model\":\"gpt-5\",\"input\":\"hi\",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"w\"}}]}",
                "Missing required parameter: 'tools[0].name'.");
    }

    @Test
    void otherRoutesAreNotChecked() throws Exception {
        accepted("/v1/completions", "{\"model\":\"b\",\"prompt\":\"x\",\"top_k\":1}");
    }
}
