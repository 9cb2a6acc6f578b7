package dev.ingate.translate.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingate.translate.Fixtures;
import dev.ingate.translate.Json;
import dev.ingate.translate.ShapeCodec;
import dev.ingate.translate.StreamTranslator;
import dev.ingate.translate.TranslationException;
import dev.ingate.translate.anthropic.AnthropicMessagesCodec;
import dev.ingate.translate.canonical.CanonicalError;
import dev.ingate.translate.canonical.CanonicalRequest;
import dev.ingate.translate.canonical.Shape;
import org.junit.jupiter.api.Test;

class OpenAiResponsesCodecTest {

    private final OpenAiResponsesCodec codec = new OpenAiResponsesCodec(ResponsesResponseTranslationTest.NEW_YEAR);

    private static void assertSameJson(String actual, String expected) {
        assertThat(Json.parse(actual)).isEqualTo(Json.parse(expected));
    }

    @Test
    void speaksResponsesAtItsPath() {
        CanonicalRequest request = codec.decodeRequest("/v1/responses", Fixtures.read("responses/request-plain.json"));

        assertThat(codec.shape()).isEqualTo(Shape.OPENAI_RESPONSES);
        assertThat(codec.upstreamTarget(request)).isEqualTo(new ShapeCodec.UpstreamTarget("/v1/responses", ""));
        assertThat(codec.streamContentType()).isEqualTo("text/event-stream");
        assertThat(request.streamUsage()).isTrue();
    }

    /** Responses needs no output limit: the caller's default is for shapes that require one. */
    @Test
    void theDefaultOutputLimitIsNotWritten() {
        CanonicalRequest request = codec.decodeRequest("/v1/responses", "{\"model\":\"gpt-4.1\",\"input\":\"hi\"}");

        assertThat(Json.parse(codec.encodeRequest(request, 4096).json()).has("max_output_tokens")).isFalse();
    }

    @Test
    void anUnknownRoleIsNotARequest() {
        assertThatThrownBy(() -> codec.decodeRequest("/v1/responses", "{\"model\":\"m\",\"input\":[{\"role\":\"tool\",\"content\":\"x\"}]}"))
                .isInstanceOf(TranslationException.class).hasMessageContaining("tool");
        assertThatThrownBy(() -> codec.decodeRequest("/v1/responses", "[1]")).isInstanceOf(TranslationException.class);
    }

    @Test
    void errorsUseOpenAisEnvelope() {
        assertSameJson(codec.encodeError(new CanonicalError(529, "overloaded_error", "Overloaded")),
                "{\"error\":{\"message\":\"Overloaded\",\"type\":\"server_error\",\"param\":null,\"code\":null}}");
        assertSameJson(codec.encodeError(new CanonicalError(429, "rate_limit_error", "Slow down")),
                "{\"error\":{\"message\":\"Slow down\",\"type\":\"rate_limit_error\",\"param\":null,\"code\":null}}");
    }

    @Test
    void upstreamErrorsAreReadWhateverTheirShape() {
        assertThat(codec.decodeError(400, """
                {"error":{"message":"Previous response with id 'resp_x' not found.","type":"invalid_request_error","param":"previous_response_id","code":"previous_response_not_found"}}"""))
                .isEqualTo(new CanonicalError(400, "invalid_request_error", "Previous response with id 'resp_x' not found."));
        assertThat(codec.decodeError(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"tokens\",\"code\":\"rate_limit_exceeded\"}}"))
                .isEqualTo(new CanonicalError(429, "rate_limit_error", "Rate limit reached"));
        assertThat(codec.decodeError(503, "<html>Service Unavailable</html>"))
                .isEqualTo(new CanonicalError(503, "api_error", "the upstream answered 503"));
    }

    /** An error goes from OpenAI Responses to an Anthropic client in Anthropic's words, and back. */
    @Test
    void errorsCrossShapes() {
        CanonicalError error = codec.decodeError(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}");

        assertSameJson(new AnthropicMessagesCodec().encodeError(error),
                "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Rate limit reached\"}}");
        assertThat(codec.decodeError(529, new AnthropicMessagesCodec().encodeError(new CanonicalError(529, "overloaded_error", "Overloaded"))))
                .isEqualTo(new CanonicalError(529, "overloaded_error", "Overloaded"));
    }

    @Test
    void theCodecsStreamCodersTranslateAResponsesStreamBackToResponses() {
        CanonicalRequest request = codec.decodeRequest("/v1/responses", Fixtures.read("responses/request-plain.json"));
        var events = Fixtures.translateStream(new StreamTranslator(codec.streamDecoder(), codec.streamEncoder(request)),
                "responses/stream-parallel-tools.sse");

        var completed = events.getLast().json().get("response");
        assertThat(events.getLast().event()).isEqualTo("response.completed");
        assertThat(completed.get("output").valueStream().map(item -> item.get("type").stringValue()))
                .containsExactly("message", "function_call", "function_call");
        assertThat(completed.at("/usage/input_tokens").longValue()).isEqualTo(155);
    }
}
