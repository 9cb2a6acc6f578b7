package dev.ingate.limits;

import dev.ingate.redis.LuaScript;
import dev.ingate.redis.SharedRedis;
import io.vertx.core.Future;
import io.vertx.redis.client.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * The limiter every instance on one Redis shares: one atomic script checks all scopes of a request and counts it
 * in each (INCR/INCRBY with PEXPIRE), or counts nothing, so N instances together let exactly rpm requests through a
 * window. Windows are named by the instances' clocks, which are assumed to agree (NTP) to well under a minute.
 */
final class RedisRateLimiter implements RateLimiter {

    /** KEYS: per scope its requests and tokens counters; ARGV: ttl ms, tokens, then per scope rpm, tpm. */
    static final LuaScript ADMIT = new LuaScript("""
            local ttl = tonumber(ARGV[1])
            local tokens = tonumber(ARGV[2])
            local n = #KEYS / 2
            local out = {1, 0, 0}
            for i = 1, n do
              local r = tonumber(redis.call('GET', KEYS[2 * i - 1]) or '0')
              local t = tonumber(redis.call('GET', KEYS[2 * i]) or '0')
              local rpm = tonumber(ARGV[1 + 2 * i])
              local tpm = tonumber(ARGV[2 + 2 * i])
              if rpm > 0 and r + 1 > rpm then return {0, i, 0, r, t} end
              if tpm > 0 and t + tokens > tpm then return {0, i, 1, r, t} end
            end
            for i = 1, n do
              local r = redis.call('INCR', KEYS[2 * i - 1])
              redis.call('PEXPIRE', KEYS[2 * i - 1], ttl)
              local t = redis.call('INCRBY', KEYS[2 * i], tokens)
              redis.call('PEXPIRE', KEYS[2 * i], ttl)
              out[#out + 1] = r
              out[#out + 1] = t
            end
            return out
            """);

    /** KEYS: tokens counters; ARGV: the correction. A counter that has expired stays gone. */
    static final LuaScript SETTLE = new LuaScript("""
            for i = 1, #KEYS do
              if redis.call('EXISTS', KEYS[i]) == 1 then redis.call('INCRBY', KEYS[i], ARGV[1]) end
            end
            return 1
            """);

    /** Counters outlive their minute a little, so a late settlement still finds them; then Redis drops them. */
    private static final long TTL_SLACK_MILLIS = 60_000;

    private final SharedRedis redis;

    RedisRateLimiter(SharedRedis redis) {
        this.redis = redis;
    }

    @Override
    public Future<Admission> admit(List<RateScope> scopes, long windowStart, long tokens) {
        List<String> keys = new ArrayList<>(scopes.size() * 2);
        List<String> args = new ArrayList<>(2 + scopes.size() * 2);
        args.add(String.valueOf(windowStart + RateWindows.MINUTE - System.currentTimeMillis() + TTL_SLACK_MILLIS));
        args.add(String.valueOf(tokens));
        for (RateScope scope : scopes) {
            keys.add(counter(scope, windowStart, "r"));
            keys.add(counter(scope, windowStart, "t"));
            args.add(String.valueOf(scope.rpm()));
            args.add(String.valueOf(scope.tpm()));
        }
        return ADMIT.call(redis, keys, args).map(reply -> admission(reply, scopes.size(), windowStart));
    }

    private Admission admission(Response reply, int n, long windowStart) {
        long[] requests = new long[n];
        long[] counted = new long[n];
        if (reply.get(0).toLong() == 0) {
            int scope = reply.get(1).toInteger() - 1;
            requests[scope] = reply.get(3).toLong();
            counted[scope] = reply.get(4).toLong();
            return Admission.refused(scope, reply.get(2).toLong() == 1, windowStart, requests, counted, this);
        }
        for (int i = 0; i < n; i++) {
            requests[i] = reply.get(3 + 2 * i).toLong();
            counted[i] = reply.get(4 + 2 * i).toLong();
        }
        return Admission.allowed(windowStart, requests, counted, this);
    }

    @Override
    public void settle(List<RateScope> scopes, long windowStart, long delta) {
        List<String> keys = new ArrayList<>(scopes.size());
        for (RateScope scope : scopes) {
            if (scope.limitsTokens()) {
                keys.add(counter(scope, windowStart, "t"));
            }
        }
        if (delta != 0 && !keys.isEmpty()) {
            SETTLE.call(redis, keys, List.of(String.valueOf(delta)));   // best effort: a lost correction ends with its minute
        }
    }

    private String counter(RateScope scope, long windowStart, String kind) {
        return redis.key("rl:" + scope.id() + ":" + windowStart / RateWindows.MINUTE + ":" + kind);
    }
}
