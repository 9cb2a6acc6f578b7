package dev.ingate.dispatch;

import dev.ingate.config.IngateConfig.ServerSettings;
import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.Handler;
import io.vertx.core.Vertx;

/** The end of the pipeline: sends the exchange to its provider and relays the answer. One per event loop. */
public final class Forwarder implements Handler {

    private final UpstreamClients clients;
    private final Deadlines deadlines;

    /** To be made on the event loop it serves: its timeout sweep runs there. */
    public Forwarder(Vertx vertx, UpstreamClients clients, ServerSettings settings) {
        this.clients = clients;
        this.deadlines = new Deadlines(vertx, Deadlines.periodFor(settings.upstreamTimeout(), settings.streamIdleTimeout()));
    }

    @Override
    public void handle(Exchange ex) {
        new UpstreamCall(clients, deadlines, ex, ex.provider()).start();
    }

    public void close() {
        deadlines.close();
        clients.close();
    }
}
