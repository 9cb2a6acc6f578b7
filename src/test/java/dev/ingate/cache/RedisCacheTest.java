package dev.ingate.cache;

import dev.ingate.redis.SharedRedis;
import dev.ingate.testkit.MockProvider;
import dev.ingate.testkit.Poll;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
        String prefix = "ingate-test-cache-" + UUID.randomUUID() + ":";
        Map<String, String> redis = Map.of("INGATE_REDIS_URL", "redis://127.0.0.1:6379", "INGATE_REDIS_PREFIX", prefix);
        Vertx vertx = Vertx.vertx();
        try (MockProvider openai = MockProvider.openai(); MockProvider anthropic = MockProvider.anthropic();
             SharedRedis direct = SharedRedis.connect(vertx, Optional.of("redis://127.0.0.1:6379"), Optional.of(prefix)).orElseThrow();
             CacheFixture one = new CacheFixture(CONFIG, redis, openai, anthropic);
             CacheFixture two = new CacheFixture(CONFIG, redis, openai, anthropic)) {
            int stored = 0;
            for (String body : new String[]{chat(""), chat(",\"stream\":true")}) {
                int before = openai.requests().size();
                HttpResponse<String> first = one.post("/v1/chat/completions", body);
                assertThat(cache(first)).isEqualTo("MISS");
                // the SET is sent as the answer ends, fire and forget: wait until Redis holds it
                int expected = ++stored;
                Poll.until("the answer in Redis", Duration.ofSeconds(5),
                        () -> direct.api().keys(prefix + "cache:*").await().size(), n -> n >= expected);
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
        } finally {
            vertx.close().await();
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
