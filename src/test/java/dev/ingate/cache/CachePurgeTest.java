package dev.ingate.cache;

import dev.ingate.redis.SharedRedis;
import dev.ingate.testkit.HttpCalls;
import dev.ingate.testkit.MockProvider;
import dev.ingate.testkit.Poll;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.ingate.cache.CacheFixture.cache;
import static org.assertj.core.api.Assertions.assertThat;

/** DELETE /api/v1/cache empties the response cache, in this process or in Redis, and leaves an audit entry. */
class CachePurgeTest {

    private static final String CONFIG = "cache: { enabled: true, ttl: 60s }";
    private static final String REDIS = "redis://127.0.0.1:6379";

    private static String chat() {
        return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + UUID.randomUUID() + "\"}]}";
    }

    private static HttpResponse<String> purge(CacheFixture fx) {
        return HttpCalls.send(HttpCalls.request(fx.url(), "/api/v1/cache").header("Authorization", "Bearer " + CacheFixture.ADMIN)
                .header("X-Ingate-Actor", "ops@example.com").DELETE());
    }

    private static JsonNode purged(CacheFixture fx) {
        HttpResponse<String> response = purge(fx);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return HttpCalls.json(response);
    }

    @Test
    void theInMemoryCacheIsEmptiedCountedAndAudited() {
        try (CacheFixture fx = new CacheFixture(CONFIG)) {
            String first = chat();
            String second = chat();
            assertThat(cache(fx.post("/v1/chat/completions", first))).isEqualTo("MISS");
            assertThat(cache(fx.post("/v1/chat/completions", second))).isEqualTo("MISS");
            assertThat(cache(fx.post("/v1/chat/completions", first))).isEqualTo("HIT");

            JsonNode result = purged(fx);
            assertThat(result.get("purged").asLong()).isEqualTo(2);
            assertThat(result.get("store").asString()).isEqualTo("memory");
            int before = fx.openai.requests().size();
            assertThat(cache(fx.post("/v1/chat/completions", first))).as("gone: asked upstream again").isEqualTo("MISS");
            assertThat(fx.openai.requests()).hasSize(before + 1);
            assertThat(purged(fx).get("purged").asLong()).as("only the answer stored since").isEqualTo(1);
            assertThat(purged(fx).get("purged").asLong()).isZero();

            JsonNode entry = fx.admin("/audit?action=cache.purge").get("data").get(2);
            assertThat(entry.get("actor").asString()).isEqualTo("ops@example.com");
            assertThat(entry.get("target").asString()).isEqualTo("cache");
            assertThat(entry.get("before").isNull()).isTrue();
            assertThat(entry.get("after").toString()).isEqualTo("{\"purged\":2,\"store\":\"memory\"}");

            HttpResponse<String> get = HttpCalls.send(HttpCalls.request(fx.url(), "/api/v1/cache").header("Authorization", "Bearer " + CacheFixture.ADMIN));
            assertThat(get.statusCode()).isEqualTo(404);
            HttpResponse<String> anonymous = HttpCalls.send(HttpCalls.request(fx.url(), "/api/v1/cache").DELETE());
            assertThat(anonymous.statusCode()).isEqualTo(401);
        }
    }

    /**
     * Every instance's answers go, over several SCAN steps; nothing else does: not other keys of this deployment, and
     * not another deployment whose prefix this one's would match if its glob characters were not escaped.
     */
    @Test
    void inRedisEveryInstancesAnswersGoAndNothingElse() {
        String id = UUID.randomUUID().toString();
        String prefix = "ingate-test-purge-" + id + "-*:";
        String otherDeployment = "ingate-test-purge-" + id + "-other:cache:kept";
        String budgetKey = prefix + "budget:kept";
        Map<String, String> env = Map.of("INGATE_REDIS_URL", REDIS, "INGATE_REDIS_PREFIX", prefix);
        Vertx vertx = Vertx.vertx();
        try (MockProvider openai = MockProvider.openai(); MockProvider anthropic = MockProvider.anthropic();
             SharedRedis direct = SharedRedis.connect(vertx, Optional.of(REDIS), Optional.of(prefix)).orElseThrow();
             CacheFixture one = new CacheFixture(CONFIG, env, openai, anthropic);
             CacheFixture two = new CacheFixture(CONFIG, env, openai, anthropic)) {
            String body = chat();
            assertThat(cache(one.post("/v1/chat/completions", body))).isEqualTo("MISS");
            // the SET goes out as the answer ends, fire and forget: ask the other instance until Redis has it
            Poll.until("a hit from the other instance", Duration.ofSeconds(5), () -> cache(two.post("/v1/chat/completions", body)), "HIT"::equals);
            List<String> filler = new ArrayList<>();
            for (int i = 0; i < 2_500; i++) {
                filler.add(prefix + "cache:filler-" + i);
                filler.add("x");
            }
            filler.addAll(List.of(otherDeployment, "x", budgetKey, "x"));
            direct.api().mset(filler).await();

            JsonNode result = purged(two);
            assertThat(result.get("store").asString()).isEqualTo("redis");
            assertThat(result.get("purged").asLong()).isEqualTo(2_501);
            assertThat(direct.api().exists(List.of(otherDeployment)).await().toInteger()).as("another deployment's cache").isEqualTo(1);
            assertThat(direct.api().exists(List.of(budgetKey)).await().toInteger()).as("this deployment's other keys").isEqualTo(1);
            assertThat(cache(one.post("/v1/chat/completions", body))).as("gone for the instance that stored it too").isEqualTo("MISS");
            assertThat(one.admin("/audit?action=cache.purge").get("data").size()).as("audited where it ran (each has its own database)").isZero();
            assertThat(two.admin("/audit?action=cache.purge").get("data").get(0).get("after").get("purged").asLong()).isEqualTo(2_501);
            direct.api().del(List.of(otherDeployment, budgetKey)).await();
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void aRedisThatIsDownIsA502NamingTheCacheAndNothingIsAudited() {
        Map<String, String> dead = Map.of("INGATE_REDIS_URL", "redis://127.0.0.1:1", "INGATE_REDIS_PREFIX", "ingate-test-dead:");
        try (CacheFixture fx = new CacheFixture(CONFIG, dead, MockProvider.openai(), MockProvider.anthropic())) {
            HttpResponse<String> response = purge(fx);
            assertThat(response.statusCode()).isEqualTo(502);
            JsonNode error = HttpCalls.json(response).get("error");
            assertThat(error.get("code").asString()).isEqualTo("cache_unavailable");
            assertThat(error.get("message").asString()).contains("redis cache");
            assertThat(fx.admin("/audit?action=cache.purge").get("data").size()).isZero();
        }
    }
}
