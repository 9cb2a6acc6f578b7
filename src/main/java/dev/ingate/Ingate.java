package dev.ingate;

import dev.ingate.config.ConfigLoader;
import dev.ingate.config.IngateConfig;
import dev.ingate.pipeline.GatewayState;
import dev.ingate.secrets.DataDir;
import dev.ingate.server.GatewayVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** A running gateway: loads the config, prepares the data dir, and serves on one verticle per core. */
public final class Ingate implements AutoCloseable {

    private final Vertx vertx;
    private final int port;
    private final AtomicReference<GatewayState> state;

    private Ingate(Vertx vertx, int port, AtomicReference<GatewayState> state) {
        this.vertx = vertx;
        this.port = port;
        this.state = state;
    }

    public static Ingate start(StartupSettings settings, PrintStream console) {
        IngateConfig config = settings.configFile()
                .map(file -> ConfigLoader.load(file, settings.env()))
                .orElse(IngateConfig.empty());
        DataDir dataDir = new DataDir(settings.dataDir());
        DataDir.Generated<String> adminToken = dataDir.adminToken(settings.adminToken());
        dataDir.masterKey(settings.masterKey());
        Optional<DataDir.GeneratedKey> generatedKey = config.keys().isEmpty() ? Optional.of(dataDir.generatedGatewayKey()) : Optional.empty();
        AtomicReference<GatewayState> state = new AtomicReference<>(GatewayStateFactory.build(
                config, settings, adminToken.value(), generatedKey.map(DataDir.GeneratedKey::sha256Hex)));

        int port = settings.port() == 0 ? freePort() : settings.port();
        int loops = Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(loops));
        try {
            vertx.deployVerticle(() -> new GatewayVerticle(state::get, settings.host(), port), new DeploymentOptions().setInstances(loops))
                    .await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("Ingate could not listen on " + settings.host() + ":" + port + ": " + e.getMessage(), e);
        }
        printBanner(console, settings, port, adminToken, generatedKey);
        return new Ingate(vertx, port, state);
    }

    public int port() {
        return port;
    }

    public GatewayState state() {
        return state.get();
    }

    @Override
    public void close() {
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing at shutdown: nothing left to do with the error
        }
    }

    private static void printBanner(PrintStream console, StartupSettings settings, int port,
                                    DataDir.Generated<String> adminToken, Optional<DataDir.GeneratedKey> generatedKey) {
        console.println("Ingate " + Version.current() + " listening on http://" + settings.host() + ":" + port
                + " (data: " + settings.dataDir().toAbsolutePath().normalize() + ")");
        Optional<String> newKey = generatedKey.flatMap(DataDir.GeneratedKey::newPlaintext);
        if (adminToken.isNew() || newKey.isPresent()) {
            console.println("First start: these secrets are shown once; keep them.");
            if (adminToken.isNew()) {
                console.println("  admin token:  " + adminToken.value());
            }
            newKey.ifPresent(key -> console.println("  gateway key:  " + key));
        }
        console.flush();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
