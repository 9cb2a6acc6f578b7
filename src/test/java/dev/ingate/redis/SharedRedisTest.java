package dev.ingate.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Redis client against the machine's real Redis (127.0.0.1:6379), under a prefix of its own. */
class SharedRedisTest {

    @Test
    void reachesRedisUnderItsPrefix() throws Exception {
        Vertx vertx = Vertx.vertx();
        String prefix = "ingate-test-" + UUID.randomUUID() + ":";
        try (SharedRedis redis = SharedRedis.connect(vertx, Optional.of("redis://127.0.0.1:6379"), Optional.of(prefix)).orElseThrow()) {
            assertThat(redis.ping().await()).isTrue();
            assertThat(redis.up()).isTrue();
            redis.api().set(List.of(redis.key("k"), "v", "PX", "5000")).await();
            assertThat(redis.api().get(prefix + "k").await().toString()).isEqualTo("v");
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void noUrlMeansNoRedis() {
        assertThat(SharedRedis.connect(null, Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void anUnreachableRedisIsReportedDownNotThrown() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (SharedRedis redis = SharedRedis.connect(vertx, Optional.of("redis://127.0.0.1:1"), Optional.empty()).orElseThrow()) {
            assertThat(redis.ping().await()).isFalse();
            assertThat(redis.up()).isFalse();
            assertThat(redis.prefix()).isEqualTo(SharedRedis.DEFAULT_PREFIX);
        } finally {
            vertx.close().await();
        }
    }
}
