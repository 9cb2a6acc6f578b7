package dev.ingate.sdk;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.ingate.testkit.Behaviour;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official SDKs, pointed at Ingate by base URL alone, parse its answers and raise their own errors. */
class OfficialSdkTest {

    private static MockProvider openaiMock;
    private static MockProvider anthropicMock;
    private static IngateUnderTest ingate;
    private static OpenAIClient openai;
    private static AnthropicClient anthropic;

    @BeforeAll
    static void start() {
        openaiMock = MockProvider.openai();
        anthropicMock = MockProvider.anthropic();
        ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                providers:
                  openai: { base_url: "%s", api_key: "sk-upstream-openai" }
                  anthropic: { base_url: "%s", api_key: "sk-upstream-anthropic" }
                """.formatted(openaiMock.baseUrl(), anthropicMock.baseUrl())));
        openai = OpenAIOkHttpClient.builder().baseUrl(ingate.baseUrl() + "/v1").apiKey(IngateUnderTest.KEY).maxRetries(0).build();
        anthropic = AnthropicOkHttpClient.builder().baseUrl(ingate.baseUrl()).apiKey(IngateUnderTest.KEY).maxRetries(0).build();
    }

    @AfterAll
    static void stop() {
        openai.close();
        anthropic.close();
        ingate.close();
        openaiMock.close();
        anthropicMock.close();
    }

    @BeforeEach
    void clear() {
        openaiMock.reset();
        anthropicMock.reset();
        openaiMock.clearRequests();
        anthropicMock.clearRequests();
    }

    private static ChatCompletionCreateParams chat() {
        return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Say hi").build();
    }

    private static MessageCreateParams message() {
        return MessageCreateParams.builder().model("claude-3-5-haiku-latest").maxTokens(64).addUserMessage("Say hi").build();
    }

    @Test
    void openAiCreate() {
        ChatCompletion completion = openai.chat().completions().create(chat());
        assertThat(completion.choices()).isNotEmpty();
        assertThat(completion.choices().getFirst().message().content()).hasValueSatisfying(text -> assertThat(text).isNotBlank());
        assertThat(openaiMock.lastRequest().header("authorization")).isEqualTo("Bearer sk-upstream-openai");
        assertThat(openaiMock.lastRequest().json().at("/model").asString()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void openAiStream() {
        StringBuilder text = new StringBuilder();
        try (com.openai.core.http.StreamResponse<ChatCompletionChunk> stream = openai.chat().completions().createStreaming(chat())) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append)));
        }
        assertThat(text.toString()).isNotBlank();
        assertThat(openaiMock.lastRequest().json().at("/stream").asBoolean()).isTrue();
    }

    @Test
    void openAiRateLimitIsTheSdksOwnException() {
        openaiMock.enqueue(Behaviour.rateLimited());
        assertThatThrownBy(() -> openai.chat().completions().create(chat()))
                .isInstanceOf(com.openai.errors.RateLimitException.class);
    }

    @Test
    void openAiGatewayErrorsAreTheSdksOwnExceptions() {
        OpenAIClient wrongKey = OpenAIOkHttpClient.builder().baseUrl(ingate.baseUrl() + "/v1").apiKey("sk-ingate-wrong").maxRetries(0).build();
        try {
            assertThatThrownBy(() -> wrongKey.chat().completions().create(chat()))
                    .isInstanceOf(com.openai.errors.UnauthorizedException.class)
                    .hasMessageContaining("Invalid gateway key");
        } finally {
            wrongKey.close();
        }
    }

    @Test
    void anthropicCreate() {
        Message reply = anthropic.messages().create(message());
        assertThat(reply.content()).isNotEmpty();
        assertThat(reply.content().getFirst().text()).hasValueSatisfying(block -> assertThat(block.text()).isNotBlank());
        assertThat(anthropicMock.lastRequest().header("x-api-key")).isEqualTo("sk-upstream-anthropic");
    }

    @Test
    void anthropicStream() {
        StringBuilder text = new StringBuilder();
        List<String> kinds = new java.util.ArrayList<>();
        try (StreamResponse<RawMessageStreamEvent> stream = anthropic.messages().createStreaming(message())) {
            stream.stream().forEach(event -> {
                kinds.add(event.isMessageStart() ? "start" : event.isMessageStop() ? "stop" : "other");
                event.contentBlockDelta().flatMap(delta -> delta.delta().text()).ifPresent(delta -> text.append(delta.text()));
            });
        }
        assertThat(kinds).startsWith("start").endsWith("stop");
        assertThat(text.toString()).isNotBlank();
    }

    @Test
    void anthropicRateLimitIsTheSdksOwnException() {
        anthropicMock.enqueue(Behaviour.rateLimited());
        assertThatThrownBy(() -> anthropic.messages().create(message()))
                .isInstanceOf(com.anthropic.errors.RateLimitException.class);
    }

    @Test
    void anthropicGatewayErrorsAreTheSdksOwnExceptions() {
        AnthropicClient wrongKey = AnthropicOkHttpClient.builder().baseUrl(ingate.baseUrl()).apiKey("sk-ingate-wrong").maxRetries(0).build();
        try {
            assertThatThrownBy(() -> wrongKey.messages().create(message()))
                    .isInstanceOf(com.anthropic.errors.UnauthorizedException.class);
        } finally {
            wrongKey.close();
        }
    }
}
