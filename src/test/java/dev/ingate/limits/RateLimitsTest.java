package dev.ingate.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.MessageCreateParams;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.ingate.testkit.CannedUsage;
import dev.ingate.testkit.HttpCalls;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Rate limits in one Ingate (in-process counters) through real HTTP, against mock providers. */
class RateLimitsTest {

    private static final String RPM3 = "sk-ingate-rpm3-0123456789abcdefghijklmnopqrst";
    private static final String SDK_OPENAI = "sk-ingate-sdk-openai-0123456789abcdefghijklmn";
    private static final String SDK_ANTHROPIC = "sk-ingate-sdk-anthropic-0123456789abcdefghijk";
    private static final String TPM = "sk-ingate-tpm-0123456789abcdefghijklmnopqrstu";
    private static final String TIGHT = "sk-ingate-tight-0123456789abcdefghijklmnopqrs";
    private static final String DEFAULTS = "sk-ingate-defaults-0123456789abcdefghijklmnop";
    private static final String VIA_A = "sk-ingate-via-a-0123456789abcdefghijklmnopqrs";
    private static final String VIA_B = "sk-ingate-via-b-0123456789abcdefghijklmnopqrs";

    private static MockProvider openai;
    private static MockProvider anthropic;
    private static MockProvider limitedUpstream;
    private static IngateUnderTest ingate;

    @BeforeAll
    static void start() {
        openai = MockProvider.openai();
        anthropic = MockProvider.anthropic();
        limitedUpstream = MockProvider.openai();
        ingate = IngateUnderTest.start("""
                providers:
                  openai: { base_url: "%s", api_key: "sk-upstream" }
                  anthropic: { base_url: "%s", api_key: "sk-upstream" }
                  small: { type: openai, base_url: "%s", api_key: "sk-upstream" }
                keys:
                  - { name: rpm3, key: "%s", rpm: 3, providers: [openai] }
                  - { name: sdk-openai, key: "%s", rpm: 1 }
                  - { name: sdk-anthropic, key: "%s", rpm: 1 }
                  - { name: tpm, key: "%s", rpm: 100, tpm: 1000 }
                  - { name: tight, key: "%s", rpm: 100, tpm: 1000 }
                  - { name: defaults, key: "%s" }
                  - { name: via-a, key: "%s", rpm: 100 }
                  - { name: via-b, key: "%s", rpm: 100 }
                limits:
                  rpm: 2
                  providers:
                    small: { rpm: 3 }
                """.formatted(openai.baseUrl(), anthropic.baseUrl(), limitedUpstream.baseUrl(),
                RPM3, SDK_OPENAI, SDK_ANTHROPIC, TPM, TIGHT, DEFAULTS, VIA_A, VIA_B), java.util.Map.of(), null);
    }

    @AfterAll
    static void stop() {
        ingate.close();
        openai.close();
        anthropic.close();
        limitedUpstream.close();
    }

    @Test
    void exactlyRpmRequestsPassInAWindowThen429WithRetryAfterAndHeaders() {
        Calls.freshWindow(20);
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> ok = Calls.chat(ingate.baseUrl(), RPM3, 16);
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            assertThat(ok.headers().firstValue("x-ratelimit-limit-requests")).hasValue("3");
            assertThat(ok.headers().firstValue("x-ratelimit-remaining-requests")).hasValue(String.valueOf(3 - i));
            assertThat(ok.headers().firstValue("x-ratelimit-reset-requests")).hasValueSatisfying(v -> assertThat(v).matches("\\d+s"));
            assertThat(ok.headers().firstValue("x-ratelimit-limit-tokens")).isEmpty();
        }
        int upstreamCalls = openai.requests().size();
        HttpResponse<String> refused = Calls.chat(ingate.baseUrl(), RPM3, 16);
        assertThat(refused.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(refused.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("0");
        JsonNode error = HttpCalls.json(refused).get("error");
        assertThat(error.get("type").asString()).isEqualTo("rate_limit_error");
        assertThat(error.get("code").asString()).isEqualTo("rate_limit_exceeded");
        assertThat(error.get("message").asString()).contains("gateway key 'rpm3'", "3 requests per minute");
        assertThat(openai.requests()).hasSize(upstreamCalls);   // refused before any upstream call
    }

    @Test
    void theAnthropicEnvelopeAndBothSdksSeeARateLimit() {
        Calls.freshWindow(20);
        OpenAIClient openAiSdk = OpenAIOkHttpClient.builder().baseUrl(ingate.baseUrl() + "/v1").apiKey(SDK_OPENAI).maxRetries(0).build();
        ChatCompletionCreateParams chat = ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Say hi").build();
        openAiSdk.chat().completions().create(chat);
        assertThatThrownBy(() -> openAiSdk.chat().completions().create(chat)).isInstanceOf(com.openai.errors.RateLimitException.class);

        AnthropicClient anthropicSdk = AnthropicOkHttpClient.builder().baseUrl(ingate.baseUrl()).apiKey(SDK_ANTHROPIC).maxRetries(0).build();
        MessageCreateParams message = MessageCreateParams.builder().model("claude-3-5-haiku-latest").maxTokens(64).addUserMessage("Say hi").build();
        anthropicSdk.messages().create(message);
        assertThatThrownBy(() -> anthropicSdk.messages().create(message)).isInstanceOf(com.anthropic.errors.RateLimitException.class);

        HttpResponse<String> raw = Calls.anthropic(ingate.baseUrl(), SDK_ANTHROPIC);
        assertThat(raw.statusCode()).isEqualTo(429);
        assertThat(raw.headers().firstValue("Retry-After")).isPresent();
        JsonNode body = HttpCalls.json(raw);
        assertThat(body.get("type").asString()).isEqualTo("error");
        assertThat(body.get("error").get("type").asString()).isEqualTo("rate_limit_error");
    }

    @Test
    void tokensAreReservedByTheEstimateAndSettledByTheRecordedUsage() {
        Calls.freshWindow(20);
        long exactReserve = Calls.estimatedInput(ingate.baseUrl(), TPM) + 400;
        long recorded = CannedUsage.OPENAI_CHAT.input() + CannedUsage.OPENAI_CHAT.output();

        HttpResponse<String> first = Calls.chat(ingate.baseUrl(), TPM, 400);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("x-ratelimit-limit-tokens")).hasValue("1000");
        long reserved = 1000 - remainingTokens(first);
        assertThat(reserved).as("the prompt is reserved as an upper bound of its tokens").isGreaterThanOrEqualTo(exactReserve);
        assertThat(recorded).as("the canned answer must differ from the reservation, or settling would show nothing")
                .isNotEqualTo(reserved);

        HttpResponse<String> second = Calls.chat(ingate.baseUrl(), TPM, 400);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        // the first request now counts what it used, not what was reserved for it
        assertThat(remainingTokens(second)).isEqualTo(1000 - recorded - reserved);

        HttpResponse<String> third = Calls.chat(ingate.baseUrl(), TPM, 400);
        assertThat(2 * recorded + exactReserve).isGreaterThan(1000);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(HttpCalls.json(third).get("error").get("message").asString()).contains("1000 tokens per minute");
    }

    @Test
    void aRequestTheBoundDoesNotFitButTheExactCountDoesGetsThrough() {
        Calls.freshWindow(20);
        long input = Calls.estimatedInput(ingate.baseUrl(), TIGHT);
        int maxTokens = (int) (1000 - input - 2);   // exactly counted, 2 tokens to spare; "Say hi" as bytes is more

        HttpResponse<String> fits = Calls.chat(ingate.baseUrl(), TIGHT, maxTokens);

        assertThat(fits.statusCode()).as(fits.body()).isEqualTo(200);
        assertThat(remainingTokens(fits)).as("reserved by the exact count").isEqualTo(2);
    }

    private static long remainingTokens(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("x-ratelimit-remaining-tokens").orElseThrow());
    }

    @Test
    void keysWithoutTheirOwnLimitsGetTheDefaults() {
        Calls.freshWindow(20);
        assertThat(Calls.chat(ingate.baseUrl(), DEFAULTS, 16).statusCode()).isEqualTo(200);
        HttpResponse<String> second = Calls.chat(ingate.baseUrl(), DEFAULTS, 16);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("x-ratelimit-limit-requests")).hasValue("2");
        assertThat(Calls.chat(ingate.baseUrl(), DEFAULTS, 16).statusCode()).isEqualTo(429);
    }

    @Test
    void aProviderLimitIsSharedByAllKeys() {
        Calls.freshWindow(20);
        String viaSmall = Calls.CHAT.formatted(16);
        int ok = 0;
        HttpResponse<String> last = null;
        for (String key : new String[] {VIA_A, VIA_B, VIA_A, VIA_B}) {
            last = HttpCalls.send(HttpCalls.postJson(ingate.baseUrl(), "/v1/chat/completions", viaSmall)
                    .header("Authorization", "Bearer " + key).header("X-Ingate-Provider", "small"));
            ok += last.statusCode() == 200 ? 1 : 0;
        }
        assertThat(ok).isEqualTo(3);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(HttpCalls.json(last).get("error").get("message").asString()).contains("provider 'small'");
        assertThat(limitedUpstream.requests()).hasSize(3);
    }
}
