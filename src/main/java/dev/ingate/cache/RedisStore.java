package dev.ingate.cache;

import dev.ingate.redis.SharedRedis;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Answers in the shared Redis, so every instance serves what any of them stored: {@code SET key value PX ttl} with
 * the binary value of {@link AnswerCodec}, {@code GET} on lookup, both through the async client. Whatever goes
 * wrong (Redis down, slow, a damaged value) is a miss and is reported to {@link SharedRedis#reached}.
 */
final class RedisStore implements AnswerStore {

    /** A lookup that takes longer than this is given up as a miss: a cache must never make a request slower. */
    private static final long LOOKUP_TIMEOUT_MILLIS = 1_000;
    /** Keys a SCAN step looks at (a hint to Redis), and so at most how many one UNLINK removes. */
    private static final int SCAN_BATCH = 1_000;

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

    /**
     * SCAN over this deployment's cache keys and UNLINK each batch (never KEYS: it blocks Redis for the whole keyspace;
     * UNLINK frees the values off Redis' main thread). Answers stored while it runs may stay; a failure midway leaves
     * what was already removed removed.
     */
    @Override
    public Future<Long> purge() {
        return purgeFrom("0", 0).andThen(done -> redis.reached(done.succeeded()));
    }

    private Future<Long> purgeFrom(String cursor, long removed) {
        return redis.api().scan(List.of(cursor, "MATCH", keyPattern(), "COUNT", String.valueOf(SCAN_BATCH))).compose(reply -> {
            String next = reply.get(0).toString();
            List<String> keys = new ArrayList<>();
            reply.get(1).forEach(key -> keys.add(key.toString()));
            Future<Long> unlinked = keys.isEmpty() ? Future.succeededFuture(0L) : redis.api().unlink(keys).map(Response::toLong);
            return unlinked.compose(n -> "0".equals(next) ? Future.succeededFuture(removed + n) : purgeFrom(next, removed + n));
        });
    }

    /** {@code <prefix>cache:*}, the prefix's own glob characters escaped so it matches only itself. */
    private String keyPattern() {
        return redisKey("").replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + "*";
    }

    @Override
    public String name() {
        return "redis";
    }

    private String redisKey(String key) {
        return redis.key("cache:" + key);
    }
}
