package dev.ingate.translate.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.translate.Fixtures;
import dev.ingate.translate.Json;
import dev.ingate.translate.anthropic.AnthropicMessagesCodec;
import dev.ingate.translate.canonical.CanonicalError;
import dev.ingate.translate.openai.OpenAiChatCodec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GeminiErrorTest {

    private final GeminiCodec gemini = new GeminiCodec();

    @Test
    void aGeminiErrorBecomesCanonicalByItsStatusName() {
        assertThat(gemini.decodeError(400, Fixtures.read("gemini/error-invalid-argument.json")))
                .isEqualTo(new CanonicalError(400, "invalid_request_error", "* GenerateContentRequest.contents: contents is not specified\n"));
        assertThat(gemini.decodeError(429, Fixtures.read("gemini/error-resource-exhausted.json")))
                .isEqualTo(new CanonicalError(429, "rate_limit_error", "You exceeded your current quota, please check your plan and billing details."));
    }

    @Test
    void aGeminiErrorReachesOpenAiAndAnthropicCallers() {
        CanonicalError error = gemini.decodeError(429, Fixtures.read("gemini/error-resource-exhausted.json"));

        assertThat(Json.parse(new OpenAiChatCodec(GeminiFixtures.NEW_YEAR).encodeError(error))).isEqualTo(Json.parse("""
                {"error":{"message":"You exceeded your current quota, please check your plan and billing details.",
                 "type":"rate_limit_error","param":null,"code":null}}"""));
        assertThat(Json.parse(new AnthropicMessagesCodec().encodeError(error))).isEqualTo(Json.parse("""
                {"type":"error","error":{"type":"rate_limit_error",
                 "message":"You exceeded your current quota, please check your plan and billing details."}}"""));
    }

    @Test
    void openAiAndAnthropicErrorsReachAGeminiCaller() {
        CanonicalError openAi = new OpenAiChatCodec(GeminiFixtures.NEW_YEAR).decodeError(401,
                "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}");
        CanonicalError anthropic = new AnthropicMessagesCodec().decodeError(529,
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");

        assertThat(Json.parse(gemini.encodeError(anthropic)))
                .isEqualTo(Json.parse("{\"error\":{\"code\":529,\"message\":\"Overloaded\",\"status\":\"UNAVAILABLE\"}}"));
        assertThat(Json.parse(gemini.encodeError(new CanonicalError(401, "authentication_error", openAi.message()))))
                .isEqualTo(Json.parse("{\"error\":{\"code\":401,\"message\":\"Incorrect API key provided\",\"status\":\"UNAUTHENTICATED\"}}"));
    }

    @ParameterizedTest
    @CsvSource({"INVALID_ARGUMENT, 400, invalid_request_error", "UNAUTHENTICATED, 401, authentication_error",
            "PERMISSION_DENIED, 403, permission_error", "NOT_FOUND, 404, not_found_error",
            "RESOURCE_EXHAUSTED, 429, rate_limit_error", "INTERNAL, 500, api_error", "UNAVAILABLE, 503, overloaded_error",
            "DEADLINE_EXCEEDED, 504, api_error"})
    void statusNamesMapToCanonicalTypes(String status, int code, String type) {
        String body = "{\"error\":{\"code\":%d,\"message\":\"m\",\"status\":\"%s\"}}".formatted(code, status);

        CanonicalError error = gemini.decodeError(code, body);

        assertThat(error).isEqualTo(new CanonicalError(code, type, "m"));
        if (!status.equals("DEADLINE_EXCEEDED")) {
            assertThat(Json.parse(gemini.encodeError(error)).at("/error/status").stringValue()).isEqualTo(status);
        }
    }

    @Test
    void anErrorWrappedInAnArrayIsReadToo() {
        String body = "[" + Fixtures.read("gemini/error-invalid-argument.json") + "]";

        assertThat(gemini.decodeError(400, body).type()).isEqualTo("invalid_request_error");
        assertThat(gemini.decodeError(400, body).message()).startsWith("* GenerateContentRequest.contents");
    }

    @Test
    void aBodyThatIsNotGeminiJsonStillGivesAnError() {
        assertThat(gemini.decodeError(502, "<html><body>Bad Gateway</body></html>"))
                .isEqualTo(new CanonicalError(502, "api_error", "the upstream answered 502"));
    }

    @Test
    void aStreamErrorGoesToAGeminiCallerInGeminisEnvelope() {
        var frames = new java.util.ArrayList<String>();
        new GeminiStreamEncoder().encode(new dev.ingate.translate.canonical.StreamEvent.Error("overloaded_error", "Overloaded"), frames::add);

        assertThat(frames).containsExactly("data: {\"error\":{\"code\":503,\"message\":\"Overloaded\",\"status\":\"UNAVAILABLE\"}}\n\n");
    }
}
