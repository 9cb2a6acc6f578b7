package dev.ingate.cache;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.ingate.testkit.IngateUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The official SDKs read a replayed answer, streamed or not, as they read the live one. */
class CacheSdkTest {

    private static CacheFixture fx;
    private static OpenAIClient openai;
    private static AnthropicClient anthropic;

    @BeforeAll
    static void start() {
        fx = new CacheFixture("cache: { enabled: true }");
        openai = OpenAIOkHttpClient.builder().baseUrl(fx.url() + "/v1").apiKey(IngateUnderTest.KEY).maxRetries(0).build();
        anthropic = AnthropicOkHttpClient.builder().baseUrl(fx.url()).apiKey(IngateUnderTest.KEY).maxRetries(0).build();
    }

    @AfterAll
    static void stop() {
        openai.close();
        anthropic.close();
        fx.close();
    }

    private static ChatCompletionCreateParams chat() {
        return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Say " + UUID.randomUUID()).build();
    }

    private static String openAiStreamText(ChatCompletionCreateParams params) {
        StringBuilder text = new StringBuilder();
        try (com.openai.core.http.StreamResponse<ChatCompletionChunk> stream = openai.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append)));
        }
        return text.toString();
    }

    @Test
    void openAiCreateTwiceCallsTheProviderOnce() {
        ChatCompletionCreateParams params = chat();
        int before = fx.openai.requests().size();
        ChatCompletion first = openai.chat().completions().create(params);
        ChatCompletion second = openai.chat().completions().create(params);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.choices().getFirst().message().content()).isEqualTo(first.choices().getFirst().message().content());
        assertThat(fx.openai.requests().size() - before).isEqualTo(1);
    }

    @Test
    void openAiStreamingReadsTheReplayedStream() {
        ChatCompletionCreateParams params = chat();
        int before = fx.openai.requests().size();
        String live = openAiStreamText(params);
        String replayed = openAiStreamText(params);
        assertThat(live).isNotBlank();
        assertThat(replayed).isEqualTo(live);
        assertThat(fx.openai.requests().size() - before).isEqualTo(1);
    }

    @Test
    void anthropicStreamingReadsTheReplayedStream() {
        MessageCreateParams params = MessageCreateParams.builder().model("claude-3-5-haiku-latest").maxTokens(64)
                .addUserMessage("Say " + UUID.randomUUID()).build();
        int before = fx.anthropic.requests().size();
        Streamed live = anthropicStream(params);
        Streamed replayed = anthropicStream(params);
        assertThat(live.kinds()).startsWith("start").endsWith("stop");
        assertThat(live.text()).isNotBlank();
        assertThat(replayed).isEqualTo(live);
        assertThat(fx.anthropic.requests().size() - before).isEqualTo(1);
    }

    private record Streamed(List<String> kinds, String text) {
    }

    private static Streamed anthropicStream(MessageCreateParams params) {
        List<String> kinds = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        try (StreamResponse<RawMessageStreamEvent> stream = anthropic.messages().createStreaming(params)) {
            stream.stream().forEach(event -> {
                kinds.add(event.isMessageStart() ? "start" : event.isMessageStop() ? "stop" : "other");
                event.contentBlockDelta().flatMap(delta -> delta.delta().text()).ifPresent(delta -> text.append(delta.text()));
            });
        }
        return new Streamed(kinds, text.toString());
    }
}
