package dev.ingate.guard;

import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token limit reads the body before the guardrails redact it, the cache after: the cache must key on the
 * redacted body (what went upstream), not on the tree the limit's estimate parsed first.
 */
class RedactedThenCachedTest {

    private static MockProvider openaiMock;
    private static IngateUnderTest ingate;

    @BeforeAll
    static void start() {
        openaiMock = MockProvider.openai().strict();
        ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                providers:
                  openai: { base_url: "%s", api_key: "sk-upstream-openai" }
                limits: { tpm: 1000000 }
                guardrails:
                  - { name: no-pii, on: input, type: pii, kinds: [email], action: redact }
                cache: { enabled: true, ttl: 60s }
                """.formatted(openaiMock.baseUrl())));
    }

    @AfterAll
    static void stop() {
        ingate.close();
        openaiMock.close();
    }

    private static HttpResponse<String> ask(String email) {
        return send(postJson(ingate.baseUrl(), "/v1/chat/completions",
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"write to " + email + "\"}]}")
                .header("Authorization", "Bearer " + IngateUnderTest.KEY));
    }

    @Test
    void twoBodiesThatRedactToTheSameTextShareOneCachedAnswer() {
        HttpResponse<String> first = ask("ann@example.com");
        HttpResponse<String> second = ask("bob@example.org");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Ingate-Cache")).hasValue("MISS");
        assertThat(first.headers().firstValue("x-ratelimit-limit-tokens")).hasValue("1000000");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("X-Ingate-Cache")).hasValue("HIT");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(openaiMock.requests()).hasSize(1);
        assertThat(new String(openaiMock.requests().getFirst().body(), StandardCharsets.UTF_8))
                .contains("write to [REDACTED:email]").doesNotContain("ann@example.com");
    }
}
