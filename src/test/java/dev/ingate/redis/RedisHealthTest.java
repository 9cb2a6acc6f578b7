package dev.ingate.redis;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.testkit.IngateUnderTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /health says whether the shared Redis answers; a gateway without one says "disabled", and a dead one stays up. */
class RedisHealthTest {

    @Test
    void healthShowsRedis() {
        try (IngateUnderTest ingate = IngateUnderTest.start("", Map.of("INGATE_REDIS_URL", "redis://127.0.0.1:6379",
                "INGATE_REDIS_PREFIX", "ingate-test-health:"), null)) {
            var health = dev.ingate.testkit.Poll.until("redis health", java.time.Duration.ofSeconds(10), () -> json(send(request(ingate.baseUrl(), "/health"))),
                    body -> body.at("/checks/redis").asString().equals("ok"));
            assertThat(health.at("/checks/redis").asString()).isEqualTo("ok");
        }
        try (IngateUnderTest ingate = IngateUnderTest.start("", Map.of(), null)) {
            assertThat(json(send(request(ingate.baseUrl(), "/health"))).at("/checks/redis").asString()).isEqualTo("disabled");
        }
    }

    @Test
    void aDeadRedisIsDownButTheGatewayIsUp() {
        try (IngateUnderTest ingate = IngateUnderTest.start("", Map.of("INGATE_REDIS_URL", "redis://127.0.0.1:1"), null)) {
            var health = dev.ingate.testkit.Poll.until("redis health", java.time.Duration.ofSeconds(10), () -> json(send(request(ingate.baseUrl(), "/health"))),
                    body -> body.at("/checks/redis").asString().equals("down"));
            assertThat(health.path("status").asString()).isEqualTo("ok");
        }
    }
}
