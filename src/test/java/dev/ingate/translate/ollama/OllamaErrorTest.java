package dev.ingate.translate.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.translate.Json;
import dev.ingate.translate.ShapeCodec;
import dev.ingate.translate.anthropic.AnthropicMessagesCodec;
import dev.ingate.translate.canonical.CanonicalError;
import dev.ingate.translate.canonical.Shape;
import dev.ingate.translate.openai.OpenAiChatCodec;
import org.junit.jupiter.api.Test;

/** Ollama errors are {"error": "..."} with no type: the status decides the canonical one. */
class OllamaErrorTest {

    private final ShapeCodec codec = new OllamaChatCodec(OllamaFixtures.NEW_YEAR);

    @Test
    void anOllamaErrorBodyIsReadByItsStatus() {
        assertThat(codec.decodeError(404, "{\"error\":\"model \\\"llama9\\\" not found, try pulling it first\"}"))
                .isEqualTo(new CanonicalError(404, "not_found_error", "model \"llama9\" not found, try pulling it first"));
        assertThat(codec.decodeError(500, "{\"error\":\"llama runner process has terminated: exit status 2\"}"))
                .isEqualTo(new CanonicalError(500, "api_error", "llama runner process has terminated: exit status 2"));
        assertThat(codec.decodeError(502, "<html>Bad Gateway</html>"))
                .isEqualTo(new CanonicalError(502, "api_error", "the upstream answered 502"));
    }

    @Test
    void anOllamaCallerGetsTheMessageInOllamasShape() {
        String body = codec.encodeError(new CanonicalError(429, "rate_limit_error", "Rate limit reached for requests"));

        assertThat(Json.parse(body)).isEqualTo(Json.parse("{\"error\":\"Rate limit reached for requests\"}"));
    }

    @Test
    void openAiAndAnthropicErrorsReachAnOllamaCaller() {
        CanonicalError fromOpenAi = new OpenAiChatCodec(OllamaFixtures.NEW_YEAR).decodeError(401,
                "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}");
        CanonicalError fromAnthropic = new AnthropicMessagesCodec().decodeError(529,
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");

        assertThat(Json.parse(codec.encodeError(fromOpenAi))).isEqualTo(Json.parse("{\"error\":\"Incorrect API key provided\"}"));
        assertThat(Json.parse(codec.encodeError(fromAnthropic))).isEqualTo(Json.parse("{\"error\":\"Overloaded\"}"));
    }

    @Test
    void anOllamaErrorReachesOpenAiAndAnthropicCallers() {
        CanonicalError error = codec.decodeError(400, "{\"error\":\"invalid think value: \\\"max\\\"\"}");

        assertThat(Json.parse(new OpenAiChatCodec(OllamaFixtures.NEW_YEAR).encodeError(error))).isEqualTo(Json.parse(
                "{\"error\":{\"message\":\"invalid think value: \\\"max\\\"\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}"));
        assertThat(Json.parse(new AnthropicMessagesCodec().encodeError(error))).isEqualTo(Json.parse(
                "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"invalid think value: \\\"max\\\"\"}}"));
    }

    @Test
    void theCodecSpeaksOllamaChat() {
        assertThat(codec.shape()).isEqualTo(Shape.OLLAMA_CHAT);
        assertThat(codec.upstreamTarget(codec.decodeRequest("/api/chat", "{\"model\":\"m\",\"messages\":[]}")))
                .isEqualTo(new ShapeCodec.UpstreamTarget("/api/chat", ""));
        assertThat(codec.streamContentType()).isEqualTo("application/x-ndjson");
    }
}
