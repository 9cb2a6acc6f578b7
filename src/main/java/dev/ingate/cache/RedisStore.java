package dev.ingate.cache;

import dev.ingate.redis.SharedRedis;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Answers in the shared Redis, so every instance serves what any of them stored: {@code SET key value PX ttl} with
 * the binary value of {@link AnswerCodec}, {@code GET} on lookup, both through the async client. Whatever goes
 * wrong (Redis down, slow, a damaged value) is a miss and is reported to {@link SharedRedis#reached}.
 */
final class RedisStore implements AnswerStore {

    /** A lookup that takes longer than this is given up as a miss: a cache must never make a request slower. */
    private static final long LOOKUP_TIMEOUT_MILLIS = 1_000;

    private final SharedRedis redis;

    RedisStore(SharedRedis redis) {
        this.redis = redis;
    }

    @Override
    public Future<CachedAnswer> get(String key) {
        return redis.send(Request.cmd(Command.GET).arg(redisKey(key)))
                .timeout(LOOKUP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .map(this::answer)
                .otherwise(failure -> {
                    redis.reached(false);
                    return null;
                });
    }

    private CachedAnswer answer(Response reply) {
        redis.reached(true);
        if (reply == null) {
            return null;
        }
        Buffer value = reply.toBuffer();
        return value == null ? null : AnswerCodec.decode(value);
    }

    @Override
    public void put(String key, CachedAnswer answer, Duration ttl) {
        long millis = Math.max(1, ttl.toMillis());
        redis.send(Request.cmd(Command.SET).arg(redisKey(key)).arg(AnswerCodec.encode(answer)).arg("PX").arg(millis))
                .onComplete(done -> redis.reached(done.succeeded()));
    }

    private String redisKey(String key) {
        return redis.key("cache:" + key);
    }
}
