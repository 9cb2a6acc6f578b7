package dev.ingate.translate.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseStreamEvent;
import dev.ingate.translate.Fixtures;
import dev.ingate.translate.Fixtures.SseEvent;
import dev.ingate.translate.Json;
import dev.ingate.translate.StreamTranslator;
import dev.ingate.translate.anthropic.AnthropicEventDecoder;
import dev.ingate.translate.anthropic.AnthropicRequestDecoder;
import dev.ingate.translate.anthropic.AnthropicResponseDecoder;
import dev.ingate.translate.openai.OpenAiChatRequestDecoder;
import dev.ingate.translate.openai.OpenAiChatResponseDecoder;
import dev.ingate.translate.openai.OpenAiChunkDecoder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the Responses encoders write is read and validated without complaint by the official openai-java SDK models. */
class ResponsesSdkConformanceTest {

    private static <T> T readsAsOpenAi(String json, Class<T> type) {
        T[] value = newArray(type);
        assertThatCode(() -> {
            value[0] = com.openai.core.ObjectMappers.jsonMapper().readValue(json, type);
            type.getMethod("validate").invoke(value[0]);
        }).as(json).doesNotThrowAnyException();
        return value[0];
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] newArray(Class<T> type) {
        return (T[]) java.lang.reflect.Array.newInstance(type, 1);
    }

    /** The SDK checks the model against OpenAI's list; a Claude name sent to a Responses-shaped provider is fine. */
    private static String withOpenAiModel(String json) {
        var node = Json.parseObject(json);
        node.put("model", "gpt-4.1");
        return Json.write(node);
    }

    /** The check must be able to fail, or every test here passes for nothing. */
    @Test
    void theSdkRejectsAResponseWithoutItsRequiredFields() {
        assertThatThrownBy(() -> {
            Response response = com.openai.core.ObjectMappers.jsonMapper().readValue("{\"id\":\"resp_1\",\"object\":\"response\"}", Response.class);
            response.validate();
        }).isNotNull();
    }

    /**
     * The hand-written upstream answers are what the SDK reads, so the tests start from real wire shapes. Not checked:
     * the requests (the API takes messages without a {@code type}, as clients send them, and the SDK does not) and
     * response-text.json, kept in the older form without {@code cache_write_tokens} that the decoder must still read.
     */
    @ParameterizedTest
    @ValueSource(strings = {"response-parallel-tools.json", "response-cached.json", "response-incomplete.json",
            "stream-text.sse", "stream-parallel-tools.sse", "stream-reasoning.sse", "stream-failed.sse", "stream-error.sse"})
    void upstreamFixturesAreValidResponsesWireBytes(String fixture) {
        String text = Fixtures.read("responses/" + fixture);
        if (fixture.endsWith(".sse")) {
            Fixtures.parseSse(text).forEach(event -> readsAsOpenAi(event.data(), ResponseStreamEvent.class));
        } else {
            readsAsOpenAi(text, Response.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"request-plain.json", "request-instructions.json", "request-images.json", "request-tools.json",
            "request-tool-round-trip.json", "request-reasoning.json", "request-stateful-and-dropped.json"})
    void requestsBackToResponses(String fixture) {
        readsAsOpenAi(ResponsesRequestEncoder.encode(ResponsesRequestDecoder.decode(Fixtures.read("responses/" + fixture))).json(),
                ResponseCreateParams.Body.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"request-plain.json", "request-system.json", "request-images.json", "request-tools.json",
            "request-tool-round-trip.json", "request-stop-and-dropped.json", "request-reasoning.json"})
    void requestsFromOpenAiChat(String fixture) {
        readsAsOpenAi(ResponsesRequestEncoder.encode(OpenAiChatRequestDecoder.decode(Fixtures.read("openai/" + fixture))).json(),
                ResponseCreateParams.Body.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"request-plain.json", "request-system.json", "request-images.json", "request-tools.json",
            "request-tool-round-trip.json", "request-stop-and-dropped.json", "request-thinking.json"})
    void requestsFromAnthropic(String fixture) {
        readsAsOpenAi(withOpenAiModel(ResponsesRequestEncoder.encode(AnthropicRequestDecoder.decode(Fixtures.read("anthropic/" + fixture))).json()),
                ResponseCreateParams.Body.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"response-text.json", "response-parallel-tools.json", "response-cached.json", "response-incomplete.json"})
    void responsesBackToResponses(String fixture) {
        readsAsOpenAi(new ResponsesResponseEncoder(ResponsesResponseTranslationTest.NEW_YEAR)
                .encode(ResponsesResponseDecoder.decode(Fixtures.read("responses/" + fixture)), ResponsesResponseTranslationTest.PLAIN).json(), Response.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"response-cached.json", "response-parallel-tools.json"})
    void responsesFromOpenAiChat(String fixture) {
        readsAsOpenAi(new ResponsesResponseEncoder(ResponsesResponseTranslationTest.NEW_YEAR)
                .encode(OpenAiChatResponseDecoder.decode(Fixtures.read("openai/" + fixture)), ResponsesResponseTranslationTest.PLAIN).json(), Response.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"response-cached.json", "response-thinking-tools.json", "response-stop-sequence.json"})
    void responsesFromAnthropic(String fixture) {
        String json = withOpenAiModel(new ResponsesResponseEncoder(ResponsesResponseTranslationTest.NEW_YEAR)
                .encode(AnthropicResponseDecoder.decode(Fixtures.read("anthropic/" + fixture)), ResponsesResponseTranslationTest.PLAIN).json());
        readsAsOpenAi(json, Response.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stream-text.sse", "stream-parallel-tools.sse", "stream-reasoning.sse", "stream-error.sse"})
    void streamEventsFromOpenAiChat(String fixture) {
        List<SseEvent> events = Fixtures.translateStream(new StreamTranslator(new OpenAiChunkDecoder(),
                new ResponsesEventEncoder(ResponsesResponseTranslationTest.PLAIN, ResponsesResponseTranslationTest.NEW_YEAR)), "openai/" + fixture);
        assertThat(events).isNotEmpty();
        events.forEach(event -> readsAsOpenAi(event.data(), ResponseStreamEvent.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stream-text.sse", "stream-parallel-tools.sse", "stream-thinking.sse", "stream-error.sse"})
    void streamEventsFromAnthropic(String fixture) {
        List<SseEvent> events = Fixtures.translateStream(new StreamTranslator(new AnthropicEventDecoder(),
                new ResponsesEventEncoder(ResponsesResponseTranslationTest.PLAIN, ResponsesResponseTranslationTest.NEW_YEAR)), "anthropic/" + fixture);
        assertThat(events).isNotEmpty();
        events.forEach(event -> readsAsOpenAi(withOpenAiModelInside(event.data()), ResponseStreamEvent.class));
    }

    /** The SDK's own reading of response.completed lists both function calls, arguments whole. */
    @Test
    void theSdkSeesEveryFunctionCallInTheCompletedResponse() {
        List<SseEvent> events = Fixtures.translateStream(new StreamTranslator(new AnthropicEventDecoder(),
                new ResponsesEventEncoder(ResponsesResponseTranslationTest.PLAIN, ResponsesResponseTranslationTest.NEW_YEAR)),
                "anthropic/stream-parallel-tools.sse");
        ResponseStreamEvent completed = readsAsOpenAi(withOpenAiModelInside(events.getLast().data()), ResponseStreamEvent.class);

        assertThat(completed.isCompleted()).isTrue();
        List<ResponseFunctionToolCall> calls = completed.asCompleted().response().output().stream()
                .filter(ResponseOutputItem::isFunctionCall).map(ResponseOutputItem::asFunctionCall).toList();
        assertThat(calls).extracting(ResponseFunctionToolCall::callId)
                .containsExactly("toolu_01T1x1fJ34qAmk2tNTrN7Up6", "toolu_01Q2w2gK45rBnl3uOUsO8Vq7");
        assertThat(calls).extracting(ResponseFunctionToolCall::arguments)
                .containsExactly("{\"location\": \"San Francisco, CA\", \"unit\": \"celsius\"}", "{\"location\": \"New York, NY\"}");
    }

    private static String withOpenAiModelInside(String eventJson) {
        var event = Json.parseObject(eventJson);
        if (event.get("response") instanceof tools.jackson.databind.node.ObjectNode response) {
            response.put("model", "gpt-4.1");
        }
        return Json.write(event);
    }
}
