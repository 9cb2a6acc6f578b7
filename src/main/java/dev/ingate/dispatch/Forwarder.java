package dev.ingate.dispatch;

import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.Handler;
import io.vertx.core.Vertx;

/** The end of the pipeline: sends the exchange to its provider and relays the answer. */
public final class Forwarder implements Handler {

    private final Vertx vertx;
    private final UpstreamClients clients;

    public Forwarder(Vertx vertx, UpstreamClients clients) {
        this.vertx = vertx;
        this.clients = clients;
    }

    @Override
    public void handle(Exchange ex) {
        new UpstreamCall(vertx, clients, ex, ex.provider()).start();
    }
}
