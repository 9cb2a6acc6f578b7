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
 * The HTTP side's start-up, begun on its own thread: Vert.x, one verticle per core, each ready to
 * listen as soon as the database side hands over its services.
 */
final class Listening {

    private final CompletableFuture<Vertx> created;
    private final CompletableFuture<Vertx> started;
    private final String address;

    private Listening(CompletableFuture<Vertx> created, CompletableFuture<Vertx> started, String address) {
        this.created = created;
        this.started = started;
        this.address = address;
    }

    static Listening begin(ServerSettings settings, RecordingSettings recording, Future<GatewayServices> ready, String host, int port) {
        CompletableFuture<Vertx> created = new CompletableFuture<>();
        CompletableFuture<Vertx> started = CompletableFuture.supplyAsync(() -> {
            int loops = Runtime.getRuntime().availableProcessors();
            Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(loops));
            created.complete(vertx);
            try {
                vertx.deployVerticle(() -> new GatewayVerticle(settings, recording, ready, host, port), new DeploymentOptions().setInstances(loops))
                        .await(60, TimeUnit.SECONDS);
                return vertx;
            } catch (Exception e) {
                vertx.close();
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, Listening::ownThread);
        started.exceptionally(failure -> {
            created.completeExceptionally(failure);
            return null;
        });
        return new Listening(created, started, host + ":" + port);
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
        started.thenAccept(Vertx::close);
    }
}
