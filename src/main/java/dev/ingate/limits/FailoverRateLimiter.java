package dev.ingate.limits;

import dev.ingate.redis.SharedRedis;
import io.vertx.core.Future;

import java.util.List;

/**
 * Redis when it answers, the in-process limiter when it does not: a Redis outage must not fail requests, so each
 * instance then enforces the limits on its own (the limit holds per instance, not across them) until Redis is back.
 */
final class FailoverRateLimiter implements RateLimiter {

    private static final System.Logger LOG = System.getLogger(FailoverRateLimiter.class.getName());

    private final RedisRateLimiter shared;
    private final LocalRateLimiter local;
    private volatile boolean warned;

    FailoverRateLimiter(SharedRedis redis, LocalRateLimiter local) {
        this.shared = new RedisRateLimiter(redis);
        this.local = local;
    }

    @Override
    public Future<Admission> admit(List<RateScope> scopes, long windowStart, long tokens) {
        return shared.admit(scopes, windowStart, tokens)
                .andThen(done -> warned = warned && done.failed())
                .recover(failure -> {
                    if (!warned) {
                        warned = true;
                        LOG.log(System.Logger.Level.WARNING, "Redis unreachable for rate limits, counting in this instance only: {0}",
                                failure.getMessage());
                    }
                    return Future.succeededFuture(local.admitNow(scopes, windowStart, tokens));
                });
    }

    /** Not called: an admission names the limiter that counted it ({@link Admission#counter}), and that one settles. */
    @Override
    public void settle(List<RateScope> scopes, long windowStart, long delta) {
        shared.settle(scopes, windowStart, delta);
    }
}
