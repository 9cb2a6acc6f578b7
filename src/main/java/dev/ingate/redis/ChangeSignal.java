package dev.ingate.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;

import java.util.UUID;

/**
 * Tells every instance on the Redis at once that an admin change was made, so each reloads its snapshot now
 * rather than at its next poll of the database's change counter. A hint, never the data: the change itself is in
 * the shared database, and the poll still catches what a lost message (Redis down, a reconnect) missed.
 * Channel {@code <prefix>changes}; the message is the sending instance's id, so an instance skips its own.
 */
public final class ChangeSignal implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ChangeSignal.class.getName());
    private static final long RESUBSCRIBE_MILLIS = 1_000;

    private final SharedRedis redis;
    private final String channel;
    private final String self = UUID.randomUUID().toString();
    private final Runnable onOthersChange;
    private volatile Redis subscriberClient;
    private volatile boolean closed;

    private ChangeSignal(SharedRedis redis, Runnable onOthersChange) {
        this.redis = redis;
        this.channel = redis.key("changes");
        this.onOthersChange = onOthersChange;
    }

    /** Subscribes now (and again after any loss of the connection); {@code onOthersChange} runs on a Redis thread. */
    public static ChangeSignal start(SharedRedis redis, Runnable onOthersChange) {
        ChangeSignal signal = new ChangeSignal(redis, onOthersChange);
        signal.subscribe();
        return signal;
    }

    /** After a change on this instance: tell the others. Fire and forget: a lost message costs one poll's delay. */
    public void publish() {
        redis.api().publish(channel, self).onFailure(e -> LOG.log(System.Logger.Level.DEBUG, "change not published: {0}", e.toString()));
    }

    private void subscribe() {
        if (closed) {
            return;
        }
        Redis client = redis.subscriberClient();
        subscriberClient = client;
        client.connect()
                .compose(connection -> listen(client, connection))
                .onFailure(e -> retry(client));
    }

    private Future<Response> listen(Redis client, RedisConnection connection) {
        connection.handler(this::onMessage);
        connection.exceptionHandler(e -> retry(client));
        connection.endHandler(v -> retry(client));
        return connection.send(Request.cmd(Command.SUBSCRIBE).arg(channel));
    }

    /** {@code ["message", channel, payload]}, as a RESP2 array or a RESP3 push. */
    private void onMessage(Response message) {
        if (message == null || message.type() != ResponseType.MULTI && message.type() != ResponseType.PUSH || message.size() < 3) {
            return;
        }
        if ("message".equals(message.get(0).toString()) && channel.equals(message.get(1).toString())
                && !self.equals(message.get(2).toString())) {
            onOthersChange.run();
        }
    }

    private void retry(Redis failed) {
        if (failed != subscriberClient) {
            return;   // an older connection's late news: a newer one is already on its way
        }
        subscriberClient = null;
        failed.close();
        if (!closed) {
            redis.vertx().setTimer(RESUBSCRIBE_MILLIS, id -> subscribe());
        }
    }

    @Override
    public void close() {
        closed = true;
        Redis client = subscriberClient;
        if (client != null) {
            client.close();
        }
    }
}
