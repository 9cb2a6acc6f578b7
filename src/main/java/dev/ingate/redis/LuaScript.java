package dev.ingate.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An atomic Lua script, called by its SHA-1 (EVALSHA) so the text crosses the wire only when Redis does not know it
 * yet (first use, or after a restart or SCRIPT FLUSH): then it is loaded once and the call repeated.
 */
public final class LuaScript {

    private final String text;
    private final String sha;

    public LuaScript(String text) {
        this.text = text;
        try {
            this.sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    public String sha() {
        return sha;
    }

    /** Runs the script; reports to {@link SharedRedis#reached} whether Redis answered at all. */
    public Future<Response> call(SharedRedis redis, List<String> keys, List<String> args) {
        List<String> command = new ArrayList<>(2 + keys.size() + args.size());
        command.add(sha);
        command.add(String.valueOf(keys.size()));
        command.addAll(keys);
        command.addAll(args);
        return redis.api().evalsha(command)
                .recover(failure -> failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT")
                        ? redis.api().script(List.of("LOAD", text)).compose(loaded -> redis.api().evalsha(command))
                        : Future.failedFuture(failure))
                .andThen(done -> redis.reached(done.succeeded() || !isConnectionFailure(done.cause())));
    }

    /** A script error (Redis answered) says nothing about whether Redis is reachable. */
    private static boolean isConnectionFailure(Throwable failure) {
        String message = failure == null ? null : failure.getMessage();
        return message == null || !(message.startsWith("ERR") || message.startsWith("WRONGTYPE") || message.startsWith("NOSCRIPT"));
    }
}
