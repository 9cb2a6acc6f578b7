package dev.ingate;

import dev.ingate.config.IngateConfig.ServerSettings;
import dev.ingate.config.RecordingSettings;
import dev.ingate.server.GatewayServices;
import dev.ingate.server.GatewayVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side's start-up: Vert.x, begun on its own thread before the config is read (it needs none of it), then
 * one verticle per core, each listening as soon as it is deployed; requests wait until the database side hands
 * over its services.
 */
final class Listening {

    private final CompletableFuture<Vertx> created;
    private final CompletableFuture<Vertx> started = new CompletableFuture<>();
    private volatile String address = "";

    private Listening(CompletableFuture<Vertx> created) {
        this.created = created;
    }

    static Listening begin() {
        return new Listening(CompletableFuture.supplyAsync(() -> {
            int loops = Runtime.getRuntime().availableProcessors();
            return Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(loops));
        }, Listening::ownThread));
    }

    /** Deploys the verticles, listening on {@code host:port}, once Vert.x is up. */
    void deploy(ServerSettings settings, RecordingSettings recording, Future<GatewayServices> ready, String host, int port) {
        address = host + ":" + port;
        created.whenComplete((vertx, failure) -> {
            if (failure != null) {
                started.completeExceptionally(failure);
                return;
            }
            int loops = Runtime.getRuntime().availableProcessors();
            vertx.deployVerticle(() -> new GatewayVerticle(settings, recording, ready, host, port), new DeploymentOptions().setInstances(loops))
                    .onComplete(deployed -> {
                        if (deployed.succeeded()) {
                            started.complete(vertx);
                        } else {
                            vertx.close();
                            started.completeExceptionally(new IllegalStateException(deployed.cause().getMessage(), deployed.cause()));
                        }
                    });
        });
    }

    /**
     * Start-up tasks that wait on each other get threads of their own: the common pool has a single
     * thread on two cores, and one waiting task there would starve the other.
     */
    static void ownThread(Runnable task) {
        Thread thread = new Thread(task, "ingate-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** The Vert.x instance as soon as it exists (before the verticles listen), for clients the services need. */
    Vertx created() {
        try {
            return created.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Ingate could not start Vert.x: " + cause.getMessage(), cause);
        }
    }

    /** The running Vert.x once every verticle listens. */
    Vertx await() {
        try {
            return started.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Ingate could not listen on " + address + ": " + cause.getMessage(), cause);
        }
    }

    /** Start-up failed on the other side: close whatever this side got to. */
    void abandon() {
        created.thenAccept(Vertx::close);
    }
}
