package dev.ingate.cache;

import dev.ingate.testkit.Behaviour;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.UUID;

import static dev.ingate.cache.CacheFixture.cache;
import static org.assertj.core.api.Assertions.assertThat;

/** The cache on by config, in memory: what is stored, what is served, what the client can ask. */
class ResponseCacheTest {

    private static CacheFixture fx;

    @BeforeAll
    static void start() {
        fx = new CacheFixture("cache: { enabled: true, ttl: 60s, max_entry_size: 64KB }");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @BeforeEach
    void clean() {
        fx.openai.reset();
        fx.openai.clearRequests();
        fx.anthropic.reset();
        fx.anthropic.clearRequests();
    }

    /** A body no other test sends, so each test starts with an empty cache for it. */
    private static String chat(String extra) {
        return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + UUID.randomUUID() + "\"}]" + extra + "}";
    }

    @Test
    void theSecondIdenticalRequestIsAHitAndNeverReachesTheProvider() {
        String body = chat("");
        HttpResponse<String> first = fx.post("/v1/chat/completions", body);
        HttpResponse<String> second = fx.post("/v1/chat/completions", body);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(cache(first)).isEqualTo("MISS");
        assertThat(first.headers().firstValue("X-Ingate-Served-By")).hasValue("openai");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(cache(second)).isEqualTo("HIT");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("content-type")).isEqualTo(first.headers().firstValue("content-type"));
        assertThat(second.headers().firstValue("X-Ingate-Request-Id")).isPresent().isNotEqualTo(first.headers().firstValue("X-Ingate-Request-Id"));
        assertThat(second.headers().firstValue("X-Ingate-Overhead-Ms")).isPresent();
        assertThat(second.headers().firstValue("X-Ingate-Served-By")).isEmpty();   // SPEC 3: no provider was reached
        assertThat(second.headers().firstValue("X-Ingate-Attempts")).isEmpty();
        assertThat(fx.openai.requests()).hasSize(1);
    }

    @Test
    void aStreamIsReplayedAsTheSameFrames() {
        String body = chat(",\"stream\":true");
        HttpResponse<String> first = fx.post("/v1/chat/completions", body);
        HttpResponse<String> second = fx.post("/v1/chat/completions", body);

        assertThat(cache(first)).isEqualTo("MISS");
        assertThat(cache(second)).isEqualTo("HIT");
        assertThat(second.headers().firstValue("content-type")).get().asString().startsWith("text/event-stream");
        assertThat(second.body()).isEqualTo(first.body()).contains("data: [DONE]");
        // Ingate asked the upstream for usage; the client did not, and neither answer shows it
        assertThat(second.body()).doesNotContain("\"usage\"");
        assertThat(fx.openai.requests()).hasSize(1);
    }

    @Test
    void aStreamAndAJsonBodyAreDifferentAnswers() {
        String body = chat("");
        assertThat(cache(fx.post("/v1/chat/completions", body))).isEqualTo("MISS");
        HttpResponse<String> streamed = fx.post("/v1/chat/completions", body.substring(0, body.length() - 1) + ",\"stream\":true}");
        assertThat(cache(streamed)).isEqualTo("MISS");
        assertThat(streamed.body()).contains("data: ");
    }

    @Test
    void whatChangesTheAnswerChangesTheKey() {
        String messages = "\"messages\":[{\"role\":\"user\",\"content\":\"" + UUID.randomUUID() + "\"}]";
        String base = "{\"model\":\"gpt-4o\"," + messages + ",\"temperature\":0.5}";
        assertThat(cache(fx.post("/v1/chat/completions", base))).isEqualTo("MISS");
        assertThat(cache(fx.post("/v1/chat/completions", base))).isEqualTo("HIT");
        assertThat(cache(fx.post("/v1/chat/completions", "{\"model\":\"gpt-4o-mini\"," + messages + ",\"temperature\":0.5}"))).isEqualTo("MISS");
        assertThat(cache(fx.post("/v1/chat/completions", "{\"model\":\"gpt-4o\"," + messages + ",\"temperature\":0.7}"))).isEqualTo("MISS");
        assertThat(cache(fx.post("/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"other\"}],\"temperature\":0.5}")))
                .isEqualTo("MISS");
        assertThat(cache(fx.post("/v1/chat/completions", "{\"model\":\"gpt-4o\"," + messages + ",\"temperature\":0.5,"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"object\"}}}]}"))).isEqualTo("MISS");
        assertThat(fx.openai.requests()).hasSize(5);
    }

    @Test
    void whoAsksAndHowTheJsonIsWrittenDoNotChangeTheKey() {
        String id = UUID.randomUUID().toString();
        assertThat(cache(fx.post("/v1/chat/completions",
                "{\"model\":\"gpt-4o\",\"temperature\":1,\"user\":\"alice\",\"messages\":[{\"role\":\"user\",\"content\":\"" + id + "\"}]}")))
                .isEqualTo("MISS");
        HttpResponse<String> other = fx.post("/v1/chat/completions",
                "{ \"messages\": [ {\"content\":\"" + id + "\", \"role\":\"user\"} ], \"user\":\"bob\", \"temperature\": 1.0, \"model\":\"gpt-4o\" }");
        assertThat(cache(other)).isEqualTo("HIT");
        assertThat(fx.openai.requests()).hasSize(1);
    }

    @Test
    void noCacheBypassesTheLookupButRefreshesTheEntry() {
        String body = chat("");
        HttpResponse<String> first = fx.post("/v1/chat/completions", body);
        fx.openai.enqueue(Behaviour.json(200, "{\"id\":\"fresh\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[]}"));
        HttpResponse<String> refreshed = fx.post("/v1/chat/completions", body, "Cache-Control", "no-cache");
        HttpResponse<String> after = fx.post("/v1/chat/completions", body);

        assertThat(cache(first)).isEqualTo("MISS");
        assertThat(cache(refreshed)).isEqualTo("BYPASS");
        assertThat(refreshed.body()).contains("\"fresh\"");
        assertThat(cache(after)).isEqualTo("HIT");
        assertThat(after.body()).isEqualTo(refreshed.body());
        assertThat(fx.openai.requests()).hasSize(2);
    }

    @Test
    void noStoreNeitherReadsNorStores() {
        String body = chat("");
        HttpResponse<String> first = fx.post("/v1/chat/completions", body, "Cache-Control", "no-store");
        HttpResponse<String> second = fx.post("/v1/chat/completions", body);
        HttpResponse<String> third = fx.post("/v1/chat/completions", body, "Cache-Control", "no-store");

        assertThat(cache(first)).isEqualTo("BYPASS");
        assertThat(cache(second)).isEqualTo("MISS");   // nothing was stored by the first
        assertThat(cache(third)).isEqualTo("BYPASS");  // stored by the second, but not read
        assertThat(fx.openai.requests()).hasSize(3);
    }

    @Test
    void errorsAreNotStored() {
        String body = chat("");
        fx.openai.enqueue(Behaviour.error(400, "bad request"));
        HttpResponse<String> failed = fx.post("/v1/chat/completions", body);
        HttpResponse<String> next = fx.post("/v1/chat/completions", body);

        assertThat(failed.statusCode()).isEqualTo(400);
        assertThat(cache(failed)).isEqualTo("MISS");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(cache(next)).isEqualTo("MISS");
        assertThat(fx.openai.requests()).hasSize(2);
    }

    @Test
    void aCutStreamIsNotStored() {
        String body = chat(",\"stream\":true");
        fx.openai.enqueue(Behaviour.cutStreamAfter(2));
        try {
            fx.post("/v1/chat/completions", body);
        } catch (RuntimeException cut) {
            // the client sees the connection reset: expected
        }
        HttpResponse<String> next = fx.post("/v1/chat/completions", body);
        assertThat(cache(next)).isEqualTo("MISS");
        assertThat(next.body()).contains("data: [DONE]");
    }

    @Test
    void anAnswerOverMaxEntrySizeIsRelayedButNotStored() {
        String body = chat("");
        String big = "{\"id\":\"big\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[],\"pad\":\"" + "x".repeat(70_000) + "\"}";
        fx.openai.enqueue(Behaviour.json(200, big));
        HttpResponse<String> first = fx.post("/v1/chat/completions", body);
        HttpResponse<String> second = fx.post("/v1/chat/completions", body);

        assertThat(first.body()).isEqualTo(big);
        assertThat(cache(second)).isEqualTo("MISS");
        assertThat(fx.openai.requests()).hasSize(2);
    }

    @Test
    void eachKeyHasItsOwnAnswers() {
        String body = chat("");
        assertThat(cache(fx.post("/v1/chat/completions", body))).isEqualTo("MISS");
        HttpResponse<String> otherTeam = fx.post("/v1/chat/completions", body, "Authorization", "Bearer " + CacheFixture.OTHER_KEY);
        assertThat(cache(otherTeam)).isEqualTo("MISS");
        assertThat(cache(fx.post("/v1/chat/completions", body, "Authorization", "Bearer " + CacheFixture.OTHER_KEY))).isEqualTo("HIT");
        assertThat(fx.openai.requests()).hasSize(2);
    }

    @Test
    void otherPathsAndMethodsAreNotCached() {
        HttpResponse<String> embeddings = fx.post("/v1/embeddings", "{\"model\":\"text-embedding-3-small\",\"input\":\"hi\"}");
        assertThat(embeddings.statusCode()).isEqualTo(200);
        assertThat(cache(embeddings)).isNull();
    }

    @Test
    void aHitIsRecordedWithCostZeroAndTheCostItSaved() {
        String body = chat("");
        HttpResponse<String> miss = fx.post("/v1/chat/completions", body);
        HttpResponse<String> hit = fx.post("/v1/chat/completions", body);

        JsonNode paid = fx.record(miss);
        JsonNode free = fx.record(hit);
        assertThat(paid.get("cache").asString()).isEqualTo("MISS");
        assertThat(paid.get("cost_usd").decimalValue()).isPositive();
        assertThat(paid.get("saved_usd").isNull()).isTrue();
        assertThat(free.get("cache").asString()).isEqualTo("HIT");
        assertThat(free.get("status").asInt()).isEqualTo(200);
        assertThat(free.get("provider").asString()).isEqualTo("openai");
        assertThat(free.get("attempts").asInt()).isZero();
        assertThat(free.get("served_by").isNull()).isTrue();
        assertThat(free.get("served_model").asString()).isEqualTo(paid.get("served_model").asString());
        assertThat(free.get("input_tokens").asLong()).isEqualTo(paid.get("input_tokens").asLong());
        assertThat(free.get("output_tokens").asLong()).isEqualTo(paid.get("output_tokens").asLong());
        assertThat(free.get("cost_usd").decimalValue()).isZero();
        assertThat(free.get("saved_usd").decimalValue()).isEqualByComparingTo(paid.get("cost_usd").decimalValue());

        String metrics = fx.metrics();
        assertThat(metrics).contains("ingate_cache_requests_total{result=\"HIT\"}").contains("ingate_cache_requests_total{result=\"MISS\"}");
        assertThat(metrics).containsPattern("ingate_cache_saved_usd_total [0-9.E-]+");
        assertThat(metrics).doesNotContain("ingate_cache_saved_usd_total 0.0\n");
    }

    @Test
    void anAnthropicStreamIsCachedToo() {
        String body = "{\"model\":\"claude-3-5-haiku-latest\",\"max_tokens\":20,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\""
                + UUID.randomUUID() + "\"}]}";
        HttpResponse<String> first = fx.post("/v1/messages", body);
        HttpResponse<String> second = fx.post("/v1/messages", body);
        assertThat(cache(first)).isEqualTo("MISS");
        assertThat(cache(second)).isEqualTo("HIT");
        assertThat(second.body()).isEqualTo(first.body()).contains("message_stop");
        assertThat(fx.anthropic.requests()).hasSize(1);
    }
}
