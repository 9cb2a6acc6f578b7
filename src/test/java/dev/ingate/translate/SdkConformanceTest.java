package dev.ingate.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.ingate.translate.Fixtures.SseEvent;
import dev.ingate.translate.anthropic.AnthropicEventDecoder;
import dev.ingate.translate.anthropic.AnthropicEventEncoder;
import dev.ingate.translate.anthropic.AnthropicRequestDecoder;
import dev.ingate.translate.anthropic.AnthropicRequestEncoder;
import dev.ingate.translate.anthropic.AnthropicResponseDecoder;
import dev.ingate.translate.anthropic.AnthropicResponseEncoder;
import dev.ingate.translate.openai.OpenAiChatRequestDecoder;
import dev.ingate.translate.openai.OpenAiChatRequestEncoder;
import dev.ingate.translate.openai.OpenAiChatResponseDecoder;
import dev.ingate.translate.openai.OpenAiChatResponseEncoder;
import dev.ingate.translate.openai.OpenAiChunkDecoder;
import dev.ingate.translate.openai.OpenAiChunkEncoder;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the encoders write is read without complaint by the official Anthropic and OpenAI Java SDKs' models. */
class SdkConformanceTest {

    private static void readsAsAnthropic(String json, Class<?> type) {
        assertThatCode(() -> {
            Object value = com.anthropic.core.ObjectMappers.jsonMapper().readValue(json, type);
            type.getMethod("validate").invoke(value);
        }).as(json).doesNotThrowAnyException();
    }

    private static void readsAsOpenAi(String json, Class<?> type) {
        assertThatCode(() -> {
            Object value = com.openai.core.ObjectMappers.jsonMapper().readValue(json, type);
            type.getMethod("validate").invoke(value);
        }).as(json).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"request-plain.json", "request-system.json", "request-images.json", "request-tools.json",
            "request-tool-round-trip.json", "request-stop-and-dropped.json", "request-reasoning.json"})
    void anthropicRequestsFromOpenAi(String fixture) {
        String json = AnthropicRequestEncoder.encode(OpenAiChatRequestDecoder.decode(Fixtures.read("openai/" + fixture)), 4096).json();
        readsAsAnthropic(json, MessageCreateParams.Body.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"request-plain.json", "request-system.json", "request-images.json", "request-tools.json",
            "request-tool-round-trip.json", "request-stop-and-dropped.json", "request-thinking.json"})
    void openAiRequestsFromAnthropic(String fixture) {
        var json = (tools.jackson.databind.node.ObjectNode) Json.parse(
                OpenAiChatRequestEncoder.encode(AnthropicRequestDecoder.decode(Fixtures.read("anthropic/" + fixture))).json());
        // The SDK checks the model against OpenAI's own list; a Claude name sent to an OpenAI-shaped provider is fine.
        json.put("model", "gpt-4o");
        readsAsOpenAi(Json.write(json), ChatCompletionCreateParams.Body.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"response-cached.json", "response-parallel-tools.json"})
    void anthropicResponsesFromOpenAi(String fixture) {
        readsAsAnthropic(AnthropicResponseEncoder.encode(OpenAiChatResponseDecoder.decode(Fixtures.read("openai/" + fixture))).json(), Message.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"response-cached.json", "response-thinking-tools.json", "response-stop-sequence.json"})
    void openAiResponsesFromAnthropic(String fixture) {
        String json = new OpenAiChatResponseEncoder(Clock.systemUTC()).encode(AnthropicResponseDecoder.decode(Fixtures.read("anthropic/" + fixture))).json();
        readsAsOpenAi(json, ChatCompletion.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stream-text.sse", "stream-parallel-tools.sse", "stream-reasoning.sse"})
    void anthropicStreamEventsFromOpenAi(String fixture) {
        List<SseEvent> events = Fixtures.translateStream(new StreamTranslator(new OpenAiChunkDecoder(), new AnthropicEventEncoder()), "openai/" + fixture);
        assertThat(events).isNotEmpty();
        events.forEach(event -> readsAsAnthropic(event.data(), RawMessageStreamEvent.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stream-text.sse", "stream-parallel-tools.sse", "stream-thinking.sse"})
    void openAiChunksFromAnthropic(String fixture) {
        List<SseEvent> events = Fixtures.translateStream(
                new StreamTranslator(new AnthropicEventDecoder(), new OpenAiChunkEncoder(true, Clock.systemUTC())), "anthropic/" + fixture);
        events.stream().filter(event -> !event.data().equals("[DONE]"))
                .forEach(event -> readsAsOpenAi(event.data(), ChatCompletionChunk.class));
    }
}
