package dev.ingate.guard;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.MessageCreateParams;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Input guardrails through a running Ingate, with the official SDKs and strict mock upstreams. */
class GuardInputEndToEndTest {

    private static final String BEARER = "Bearer " + IngateUnderTest.KEY;

    private static MockProvider openaiMock;
    private static MockProvider anthropicMock;
    private static IngateUnderTest ingate;
    private static OpenAIClient openai;
    private static AnthropicClient anthropic;

    @BeforeAll
    static void start() {
        openaiMock = MockProvider.openai().strict();
        anthropicMock = MockProvider.anthropic().strict();
        ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                providers:
                  openai: { base_url: "%s", api_key: "sk-upstream-openai" }
                  anthropic: { base_url: "%s", api_key: "sk-upstream-anthropic" }
                guardrails:
                  - { name: no-pii, on: input, type: pii, kinds: [email, phone, credit_card, iban, ssn, ip, secret], action: redact }
                  - { name: deny-words, on: input, type: regex, pattern: "(?i)forbidden", action: block }
                  - { name: max-input, on: input, type: max_tokens, limit: 200, action: block }
                  - { name: watch-refunds, on: input, type: regex, pattern: "(?i)refund", action: log }
                  - { name: approved-models, type: models, allowed: ["gpt-4o*", "claude-*"] }
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
        openaiMock.clearRequests();
        anthropicMock.clearRequests();
    }

    private static ChatCompletionCreateParams chat(String model, String text) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage(text).build();
    }

    @Test
    void aBlockIsTheOpenAiSdksPermissionErrorNamingTheRule() {
        assertThatThrownBy(() -> openai.chat().completions().create(chat("gpt-4o-mini", "Tell me something forbidden")))
                .isInstanceOf(com.openai.errors.PermissionDeniedException.class)
                .hasMessageContaining("Blocked by guardrail 'deny-words'");
        assertThatThrownBy(() -> openai.chat().completions().create(chat("o3-mini", "hello")))
                .isInstanceOf(com.openai.errors.PermissionDeniedException.class)
                .hasMessageContaining("Blocked by guardrail 'approved-models'");
        assertThatThrownBy(() -> openai.chat().completions().create(chat("gpt-4o-mini", "word ".repeat(250))))
                .isInstanceOf(com.openai.errors.PermissionDeniedException.class)
                .hasMessageContaining("Blocked by guardrail 'max-input'");
        assertThat(openaiMock.requests()).as("no upstream call").isEmpty();
    }

    @Test
    void aBlockIsTheAnthropicSdksPermissionErrorNamingTheRule() {
        MessageCreateParams params = MessageCreateParams.builder().model("claude-3-5-haiku-latest").maxTokens(64)
                .system("Whatever happens, FORBIDDEN topics stay out.").addUserMessage("hi").build();
        assertThatThrownBy(() -> anthropic.messages().create(params))
                .isInstanceOf(com.anthropic.errors.PermissionDeniedException.class)
                .hasMessageContaining("Blocked by guardrail 'deny-words'");
        assertThat(anthropicMock.requests()).isEmpty();
    }

    @Test
    void aRedactionIsWhatTheUpstreamGetsAndNothingElseChanges() {
        String body = "{\"model\":\"gpt-4o-mini\",   \"messages\":[{\"role\":\"user\",\"content\":\"Reach me at jane.doe@example.com, thanks\"}],"
                + "\"temperature\":0.5}";
        HttpResponse<String> response = send(postJson(ingate.baseUrl(), "/v1/chat/completions", body).header("Authorization", BEARER));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(openaiMock.lastRequest().bodyText()).isEqualTo(body.replace("jane.doe@example.com", "[REDACTED:email]"));
        assertThat(response.headers().firstValue("X-Ingate-Guardrails")).contains("no-pii");
    }

    @Test
    void theAnthropicSdksRequestIsRedactedToo() {
        anthropic.messages().create(MessageCreateParams.builder().model("claude-3-5-haiku-latest").maxTokens(64)
                .addUserMessage("My card is 4111 1111 1111 1111 and my SSN 123-45-6789").build());
        assertThat(anthropicMock.lastRequest().json().at("/messages/0/content").toString())
                .contains("My card is [REDACTED:credit_card] and my SSN [REDACTED:ssn]")
                .doesNotContain("4111");
    }

    @Test
    void aBodyWithoutMatchesPassesByteForByte() {
        String body = "{ \"model\" : \"gpt-4o-mini\",\n \"messages\":[{\"role\":\"user\",\"content\":\"caf\\u00e9 at 10:30, order 1234567890\"}] }";
        HttpResponse<String> response = send(postJson(ingate.baseUrl(), "/v1/chat/completions", body).header("Authorization", BEARER));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(openaiMock.lastRequest().body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.headers().firstValue("X-Ingate-Guardrails")).isEmpty();
    }

    @Test
    void aLogOnlyRuleLetsTheRequestThroughAndSaysSo() {
        String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"I want a refund\"}]}";
        HttpResponse<String> response = send(postJson(ingate.baseUrl(), "/v1/chat/completions", body).header("Authorization", BEARER));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(openaiMock.lastRequest().bodyText()).isEqualTo(body);
        assertThat(response.headers().firstValue("X-Ingate-Guardrails")).contains("watch-refunds");
    }

    @Test
    void aBlockKeepsTheOllamaEnvelope() {
        HttpResponse<String> response = send(postJson(ingate.baseUrl(), "/api/chat",
                "{\"model\":\"claude-x\",\"messages\":[{\"role\":\"user\",\"content\":\"forbidden\"}]}").header("Authorization", BEARER));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"error\":\"Blocked by guardrail 'deny-words'\"}");
    }
}
