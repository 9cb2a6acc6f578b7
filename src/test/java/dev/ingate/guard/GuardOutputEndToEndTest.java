package dev.ingate.guard;

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
import dev.ingate.testkit.Behaviour;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Output guardrails on answers, streamed and not, translated and not, through a running Ingate. */
class GuardOutputEndToEndTest {

    private static final String BEARER = "Bearer " + IngateUnderTest.KEY;
    /** Long enough that the start of the stream is released before the address arrives. */
    private static final String PREAMBLE = "Here is what I found after looking through the records you sent me earlier today. ".repeat(3);

    private static MockProvider openaiMock;
    private static IngateUnderTest ingate;
    private static OpenAIClient openai;
    private static AnthropicClient anthropic;

    @BeforeAll
    static void start() {
        openaiMock = MockProvider.openai();
        ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                providers:
                  openai: { base_url: "%s", api_key: "sk-upstream-openai" }
                guardrails:
                  - { name: answers-no-pii, on: output, type: pii, kinds: [email, secret], action: redact }
                  - { name: no-launch-codes, on: output, type: regex, pattern: "LAUNCH-\\\\d{4}", action: block }
                """.formatted(openaiMock.baseUrl())));
        openai = OpenAIOkHttpClient.builder().baseUrl(ingate.baseUrl() + "/v1").apiKey(IngateUnderTest.KEY).maxRetries(0).build();
        anthropic = AnthropicOkHttpClient.builder().baseUrl(ingate.baseUrl()).apiKey(IngateUnderTest.KEY).maxRetries(0)
                .putHeader("X-Ingate-Provider", "openai").putHeader("X-Ingate-Translate", "true").build();
    }

    @AfterAll
    static void stop() {
        openai.close();
        anthropic.close();
        ingate.close();
        openaiMock.close();
    }

    @BeforeEach
    void clear() {
        openaiMock.reset();
        openaiMock.clearRequests();
    }

    private static String chunk(String content) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":" + tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(content)
                + "},\"finish_reason\":null}]}\n\n";
    }

    private static Behaviour streamOf(String... deltas) {
        List<String> events = new ArrayList<>();
        events.add("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n");
        for (String delta : deltas) {
            events.add(chunk(delta));
        }
        events.add("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        events.add("data: [DONE]\n\n");
        return Behaviour.sse(events, Duration.ZERO);
    }

    private static Behaviour answer(String content) {
        return Behaviour.json(200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(content) + "},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7,\"total_tokens\":12}}");
    }

    private static ChatCompletionCreateParams chat() {
        return ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Who do I write to?").build();
    }

    @Test
    void aStreamedAnswerNeverShowsTheAddressEvenSplitAcrossEvents() {
        openaiMock.enqueue(streamOf(PREAMBLE, "Write to jane.", "doe@exam", "ple.com or use key sk-proj-Ab3dEf5hIj", "7kLm9nOp1qRs3tUv5wXy7z.", " Bye!"));
        StringBuilder text = new StringBuilder();
        try (com.openai.core.http.StreamResponse<ChatCompletionChunk> stream = openai.chat().completions().createStreaming(chat())) {
            stream.stream().forEach(c -> c.choices().forEach(choice -> choice.delta().content().ifPresent(text::append)));
        }
        assertThat(text.toString()).isEqualTo(PREAMBLE + "Write to [REDACTED:email] or use key [REDACTED:secret]. Bye!");
    }

    @Test
    void aWholeAnswerIsRedactedInPlace() {
        openaiMock.enqueue(answer("Write to jane.doe@example.com."));
        ChatCompletion completion = openai.chat().completions().create(chat());
        assertThat(completion.choices().getFirst().message().content()).contains("Write to [REDACTED:email].");
        assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(12);
    }

    @Test
    void anAnswerWithoutMatchesPassesAsItCame() {
        openaiMock.enqueue(answer("Nothing to hide."));
        HttpResponse<String> response = send(postJson(ingate.baseUrl(), "/v1/chat/completions",
                "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").header("Authorization", BEARER));
        assertThat(response.body()).contains("\"content\":\"Nothing to hide.\"");
        assertThat(response.headers().firstValue("X-Ingate-Guardrails")).isEmpty();
    }

    @Test
    void aTranslatedStreamIsRedactedInTheCallersShape() {
        openaiMock.enqueue(streamOf(PREAMBLE, "Mail ops", "@example.org now."));
        StringBuilder text = new StringBuilder();
        MessageCreateParams params = MessageCreateParams.builder().model("gpt-4o").maxTokens(64).addUserMessage("Who?").build();
        try (StreamResponse<RawMessageStreamEvent> stream = anthropic.messages().createStreaming(params)) {
            stream.stream().forEach(event -> event.contentBlockDelta().flatMap(d -> d.delta().text()).ifPresent(d -> text.append(d.text())));
        }
        assertThat(text.toString()).isEqualTo(PREAMBLE + "Mail [REDACTED:email] now.");
    }

    @Test
    void aTranslatedWholeAnswerIsRedactedToo() {
        openaiMock.enqueue(answer("Mail ops@example.org now."));
        var reply = anthropic.messages().create(MessageCreateParams.builder().model("gpt-4o").maxTokens(64).addUserMessage("Who?").build());
        assertThat(reply.content().getFirst().text().orElseThrow().text()).isEqualTo("Mail [REDACTED:email] now.");
    }

    @Test
    void anOutputBlockOnAWholeAnswerIsA403InsteadOfTheAnswer() {
        openaiMock.enqueue(answer("The code is LAUNCH-1234."));
        assertThatThrownBy(() -> openai.chat().completions().create(chat()))
                .isInstanceOf(com.openai.errors.PermissionDeniedException.class)
                .hasMessageContaining("Blocked by guardrail 'no-launch-codes'");
    }

    @Test
    void anOutputBlockEndsAStreamWithTheCallersErrorEvent() {
        openaiMock.enqueue(streamOf(PREAMBLE, "The code is LAUN", "CH-1234, and more text after it."));
        HttpResponse<String> response = send(postJson(ingate.baseUrl(), "/v1/chat/completions",
                "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"code?\"}]}").header("Authorization", BEARER));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("LAUN").doesNotContain("1234").doesNotContain("[DONE]")
                .endsWith("data: {\"error\":{\"message\":\"Blocked by guardrail 'no-launch-codes'\",\"type\":\"permission_error\","
                        + "\"param\":null,\"code\":\"guardrail_blocked\"}}\n\n");

        openaiMock.enqueue(streamOf(PREAMBLE, "The code is LAUNCH-", "9876."));
        MessageCreateParams params = MessageCreateParams.builder().model("gpt-4o").maxTokens(64).addUserMessage("code?").build();
        assertThatThrownBy(() -> {
            try (StreamResponse<RawMessageStreamEvent> stream = anthropic.messages().createStreaming(params)) {
                stream.stream().forEach(event -> { });
            }
        }).isInstanceOf(com.anthropic.errors.AnthropicException.class).hasMessageContaining("Blocked by guardrail 'no-launch-codes'");
    }
}
