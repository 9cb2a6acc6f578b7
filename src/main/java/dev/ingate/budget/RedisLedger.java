package dev.ingate.budget;

import dev.ingate.redis.LuaScript;
import dev.ingate.redis.SharedRedis;
import io.vertx.core.Future;
import io.vertx.redis.client.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * Accounts in Redis, shared by every instance: a hash per account ({@code spent}, {@code reserved}, nano-dollars)
 * that expires a day after its period. An account Redis does not have yet (first use, or Redis was emptied) is
 * seeded from the recorded spend ({@link SpendHistory}, on a worker thread) with HSETNX, so instances seeding at
 * once agree, and the reservation is tried again.
 */
final class RedisLedger implements Ledger {

    /** KEYS: accounts; ARGV: estimate, then each account's limit. {-1, i}: account i needs seeding; {0, i}: i is used up. */
    static final LuaScript RESERVE = new LuaScript("""
            local estimate = tonumber(ARGV[1])
            for i = 1, #KEYS do
              if redis.call('EXISTS', KEYS[i]) == 0 then return {-1, i} end
              local spent = tonumber(redis.call('HGET', KEYS[i], 'spent') or '0')
              local reserved = tonumber(redis.call('HGET', KEYS[i], 'reserved') or '0')
              if spent + reserved >= tonumber(ARGV[1 + i]) then return {0, i} end
            end
            for i = 1, #KEYS do redis.call('HINCRBY', KEYS[i], 'reserved', estimate) end
            return {1, 0}
            """);

    /** KEYS: accounts; ARGV: estimate, actual. Returns each account's spend after, -1 where it has expired. */
    static final LuaScript SETTLE = new LuaScript("""
            local out = {}
            for i = 1, #KEYS do
              if redis.call('EXISTS', KEYS[i]) == 1 then
                redis.call('HINCRBY', KEYS[i], 'reserved', -tonumber(ARGV[1]))
                out[i] = redis.call('HINCRBY', KEYS[i], 'spent', ARGV[2])
              else
                out[i] = -1
              end
            end
            return out
            """);

    /** KEYS: the account; ARGV: spent, expiry (epoch ms, 0 for none). */
    static final LuaScript SEED = new LuaScript("""
            redis.call('HSETNX', KEYS[1], 'spent', ARGV[1])
            redis.call('HSETNX', KEYS[1], 'reserved', 0)
            if tonumber(ARGV[2]) > 0 then redis.call('PEXPIREAT', KEYS[1], ARGV[2]) end
            return 1
            """);

    private static final long DAY_MILLIS = 86_400_000L;

    private final SharedRedis redis;
    private final SpendHistory history;

    RedisLedger(SharedRedis redis, SpendHistory history) {
        this.redis = redis;
        this.history = history;
    }

    @Override
    public Future<Integer> reserve(List<BudgetScope> scopes, List<String> accounts, long estimateNanos) {
        return reserve(scopes, accounts, estimateNanos, 0);
    }

    private Future<Integer> reserve(List<BudgetScope> scopes, List<String> accounts, long estimate, int seeded) {
        List<String> args = new ArrayList<>(scopes.size() + 1);
        args.add(String.valueOf(estimate));
        scopes.forEach(s -> args.add(String.valueOf(s.limitNanos())));
        return RESERVE.call(redis, keys(accounts), args).compose(reply -> {
            long outcome = reply.get(0).toLong();
            int index = reply.get(1).toInteger() - 1;
            if (outcome == 1) {
                return Future.succeededFuture(-1);
            }
            if (outcome == 0) {
                return Future.succeededFuture(index);
            }
            if (seeded > scopes.size()) {   // seeded accounts keep disappearing (FLUSHALL in a loop?): let the request go
                return Future.succeededFuture(-1);
            }
            return seed(scopes.get(index), accounts.get(index)).compose(v -> reserve(scopes, accounts, estimate, seeded + 1));
        });
    }

    private Future<Void> seed(BudgetScope scope, String account) {
        long now = System.currentTimeMillis();
        long end = Periods.endMillis(scope.period(), now);
        long expireAt = end == Long.MAX_VALUE ? 0 : end + DAY_MILLIS;
        return RecordedSpend.of(history, scope, now).compose(nanos -> SEED.call(redis, List.of(key(account)), List.of(String.valueOf(nanos), String.valueOf(expireAt))))
                .mapEmpty();
    }

    @Override
    public Future<long[]> settle(List<BudgetScope> scopes, List<String> accounts, long estimateNanos, long actualNanos) {
        return SETTLE.call(redis, keys(accounts), List.of(String.valueOf(estimateNanos), String.valueOf(actualNanos)))
                .map(RedisLedger::longs);
    }

    /** Read only: an account Redis does not have yet is what its seed would be, and is left to the next request to write. */
    @Override
    public Future<Long> spent(BudgetScope scope, String account) {
        return redis.api().hget(key(account), "spent").compose(reply -> reply == null
                ? RecordedSpend.of(history, scope, System.currentTimeMillis())
                : Future.succeededFuture(reply.toLong()));
    }

    @Override
    public Future<Boolean> firstTime(String marker, long untilMillis) {
        List<String> set = new ArrayList<>(List.of(redis.key("budget-mark:" + marker), "1", "NX"));
        if (untilMillis != Long.MAX_VALUE) {
            set.add("PXAT");
            set.add(String.valueOf(untilMillis));
        }
        return redis.api().set(set).map(reply -> reply != null && "OK".equals(reply.toString()));
    }

    private static long[] longs(Response reply) {
        long[] out = new long[reply.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = reply.get(i).toLong();
        }
        return out;
    }

    private List<String> keys(List<String> accounts) {
        return accounts.stream().map(this::key).toList();
    }

    private String key(String account) {
        return redis.key("budget:" + account);
    }
}
