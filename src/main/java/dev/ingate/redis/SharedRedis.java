package dev.ingate.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;

import java.util.List;
import java.util.Optional;

/**
 * The Redis that several Ingate instances share (INGATE_REDIS_URL) for rate limits, budgets and the cache. One
 * client with a small connection pool for the whole process; every key Ingate writes starts with
 * {@link #prefix()} (INGATE_REDIS_PREFIX, default {@code ingate:}), so instances of one deployment meet and
 * separate deployments (or test runs) on one Redis do not.
 */
public final class SharedRedis implements AutoCloseable {

    public static final String DEFAULT_PREFIX = "ingate:";

    /** How often /health's view of Redis is refreshed when nothing else has used it. */
    private static final long WATCH_MILLIS = 5_000;

    private final Vertx vertx;
    private final String url;
    private final Redis client;
    private final RedisAPI api;
    private final String prefix;
    private volatile boolean up = true;

    private SharedRedis(Vertx vertx, String url, String prefix) {
        this.vertx = vertx;
        this.url = url;
        this.client = Redis.createClient(vertx, new RedisOptions()
                .setConnectionString(url)
                .setMaxPoolSize(16)
                .setMaxPoolWaiting(4096)
                .setMaxWaitingHandlers(4096));
        this.api = RedisAPI.api(client);
        this.prefix = prefix;
    }

    /** A client for the URL, or empty when none is set (everything then stays in-process). Connects lazily. */
    public static Optional<SharedRedis> connect(Vertx vertx, Optional<String> url, Optional<String> prefix) {
        return url.map(u -> new SharedRedis(vertx, u, prefix.filter(p -> !p.isBlank()).orElse(DEFAULT_PREFIX)));
    }

    /**
     * A connection of its own, outside the pool, for a subscription (a subscribed connection can send nothing
     * else, so it must never go back to the pool); the caller closes it and its client.
     */
    public Redis subscriberClient() {
        return Redis.createClient(vertx, new RedisOptions().setConnectionString(url).setMaxPoolSize(1));
    }

    public Vertx vertx() {
        return vertx;
    }

    public RedisAPI api() {
        return api;
    }

    /** A command built by hand, for binary-safe arguments ({@link RedisAPI} takes strings only). */
    public Future<io.vertx.redis.client.Response> send(io.vertx.redis.client.Request request) {
        return client.send(request);
    }

    public String prefix() {
        return prefix;
    }

    /** The key for {@code name} under this deployment's prefix. */
    public String key(String name) {
        return prefix + name;
    }

    /** Whether the last command (or ping) reached Redis; for /health, never waited for on a request. */
    public boolean up() {
        return up;
    }

    /** Pings and remembers the answer. */
    public Future<Boolean> ping() {
        return api.ping(List.of()).map(reply -> true).otherwise(false).andThen(result -> up = result.succeeded() && result.result());
    }

    /** Pings now and every few seconds, so /health tells whether Redis answers without asking it per request. */
    public void watch() {
        ping();
        vertx.setPeriodic(WATCH_MILLIS, id -> ping());
    }

    /** Commands report their outcome here so {@link #up()} follows Redis without extra round trips. */
    public void reached(boolean reachedRedis) {
        up = reachedRedis;
    }

    @Override
    public void close() {
        client.close();
    }
}
