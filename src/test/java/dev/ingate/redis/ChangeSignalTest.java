package dev.ingate.redis;

import dev.ingate.testkit.Poll;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances' change signals on the machine's real Redis, under a prefix of their own. */
class ChangeSignalTest {

    private final String prefix = "ingate-test-" + UUID.randomUUID() + ":";
    private Vertx vertx;
    private SharedRedis redisA;
    private SharedRedis redisB;

    @BeforeEach
    void connect() {
        vertx = Vertx.vertx();
        redisA = SharedRedis.connect(vertx, Optional.of("redis://127.0.0.1:6379"), Optional.of(prefix)).orElseThrow();
        redisB = SharedRedis.connect(vertx, Optional.of("redis://127.0.0.1:6379"), Optional.of(prefix)).orElseThrow();
    }

    @AfterEach
    void close() {
        vertx.close().await();
    }

    private long subscribers() {
        return redisA.api().pubsub(List.of("NUMSUB", prefix + "changes")).await().get(1).toLong();
    }

    @Test
    void aChangeReachesTheOtherInstanceNotItself() {
        AtomicInteger seenByA = new AtomicInteger();
        AtomicInteger seenByB = new AtomicInteger();
        try (ChangeSignal a = ChangeSignal.start(redisA, seenByA::incrementAndGet);
             ChangeSignal b = ChangeSignal.start(redisB, seenByB::incrementAndGet)) {
            Poll.until("both subscribed", Duration.ofSeconds(5), this::subscribers, n -> n == 2);

            a.publish();
            Poll.until("B told", Duration.ofSeconds(5), seenByB::get, n -> n == 1);
            b.publish();
            Poll.until("A told", Duration.ofSeconds(5), seenByA::get, n -> n == 1);

            assertThat(seenByA.get()).isEqualTo(1);
            assertThat(seenByB.get()).isEqualTo(1);
        }
    }

    @Test
    void aLostSubscriptionIsMadeAgain() {
        AtomicInteger seenByB = new AtomicInteger();
        try (ChangeSignal a = ChangeSignal.start(redisA, () -> { });
             ChangeSignal b = ChangeSignal.start(redisB, seenByB::incrementAndGet)) {
            Poll.until("both subscribed", Duration.ofSeconds(5), this::subscribers, n -> n == 2);

            redisA.api().client(List.of("KILL", "TYPE", "pubsub")).await();
            Poll.until("both subscribed again", Duration.ofSeconds(10), this::subscribers, n -> n == 2);
            a.publish();
            Poll.until("B told", Duration.ofSeconds(5), seenByB::get, n -> n == 1);
        }
    }
}
