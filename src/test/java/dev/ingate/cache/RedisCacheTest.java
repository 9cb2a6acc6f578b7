package dev.ingate.cache;

import dev.ingate.testkit.MockProvider;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static dev.ingate.cache.CacheFixture.cache;
import static org.assertj.core.api.Assertions.assertThat;

/** With INGATE_REDIS_URL the answers live in Redis: every instance serves what any of them stored. */
class RedisCacheTest {

    private static final String CONFIG = "cache: { enabled: true, ttl: 60s }";

    private static String chat(String extra) {
        return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + UUID.randomUUID() + "\"}]" + extra + "}";
    }

    @Test
    void theCacheServesASecondIdenticalRequestFromTheOtherInstance() {
        Map<String, String> redis = Map.of("INGATE_REDIS_URL", "redis://127.0.0.1:6379",
                "INGATE_REDIS_PREFIX", "ingate-test-cache-" + UUID.randomUUID() + ":");
        try (MockProvider openai = MockProvider.openai(); MockProvider anthropic = MockProvider.anthropic();
             CacheFixture one = new CacheFixture(CONFIG, redis, openai, anthropic);
             CacheFixture two = new CacheFixture(CONFIG, redis, openai, anthropic)) {
            for (String body : new String[]{chat(""), chat(",\"stream\":true")}) {
                int before = openai.requests().size();
                HttpResponse<String> first = one.post("/v1/chat/completions", body);
                assertThat(cache(first)).isEqualTo("MISS");
                // the SET goes out as the answer ends, before the client has even read it
                HttpResponse<String> second = two.post("/v1/chat/completions", body);
                assertThat(cache(second)).isEqualTo("HIT");
                assertThat(second.body()).isEqualTo(first.body());
                assertThat(second.headers().firstValue("content-type")).isEqualTo(first.headers().firstValue("content-type"));
                assertThat(openai.requests().size() - before).isEqualTo(1);
                JsonNode record = two.record(second);
                assertThat(record.get("cache").asString()).isEqualTo("HIT");
                assertThat(record.get("cost_usd").decimalValue()).isZero();
                assertThat(record.get("saved_usd").decimalValue()).isPositive();
            }
        }
    }

    @Test
    void aDeadRedisMakesEveryRequestAMissNeverAFailure() {
        Map<String, String> dead = Map.of("INGATE_REDIS_URL", "redis://127.0.0.1:1", "INGATE_REDIS_PREFIX", "ingate-test-dead:");
        try (CacheFixture fx = new CacheFixture(CONFIG, dead, MockProvider.openai(), MockProvider.anthropic())) {
            String body = chat("");
            HttpResponse<String> first = fx.post("/v1/chat/completions", body);
            HttpResponse<String> second = fx.post("/v1/chat/completions", body);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(cache(first)).isEqualTo("MISS");
            assertThat(cache(second)).isEqualTo("MISS");
            assertThat(second.body()).contains("chat.completion");
            assertThat(fx.openai.requests()).hasSize(2);
        }
    }
}
