package dev.ingate.e2e;

import dev.ingate.Ingate;
import dev.ingate.StartupSettings;
import dev.ingate.testkit.HttpCalls;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import dev.ingate.testkit.TcpRelay;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Ingate listens before its database side is up: a request that comes that early waits and is answered once the
 * services are handed over; if the start fails instead, its connection is closed. The database is held back by
 * freezing the relay in front of PostgreSQL.
 */
class EarlyRequestTest {

    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private static HttpResponse<String> chat(int port) {
        return HttpCalls.send(HttpCalls.postJson("http://127.0.0.1:" + port, "/v1/chat/completions", CHAT)
                .header("Authorization", "Bearer " + IngateUnderTest.KEY));
    }

    @Test
    void aRequestBeforeTheDatabaseIsUpIsAnsweredOnceItIs() throws Exception {
        try (MockProvider openai = MockProvider.openai(); RelayedPostgres database = RelayedPostgres.open("e2e_early_", "")) {
            database.relay().cut(TcpRelay.Outage.FREEZE);
            int port = freePort();
            CompletableFuture<Ingate> starting = start(openai, database.url(), port);
            try {
                awaitListening(port);
                CompletableFuture<HttpResponse<String>> early = CompletableFuture.supplyAsync(() -> chat(port));
                Thread.sleep(300);
                assertThat(early).as("held while the database is away").isNotDone();
                assertThat(starting).isNotDone();

                database.relay().restore();
                HttpResponse<String> response = early.get(20, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(starting.get(20, TimeUnit.SECONDS).port()).isEqualTo(port);
            } finally {
                database.relay().restore();
                closeOnceStarted(starting);
            }
        }
    }

    @Test
    void aRequestHeldByAStartThatFailsHasItsConnectionClosed() throws Exception {
        // pgjdbc gives up on a frozen server after loginTimeout: the start fails then
        try (MockProvider openai = MockProvider.openai(); RelayedPostgres database = RelayedPostgres.open("e2e_early_", "loginTimeout=2")) {
            database.relay().cut(TcpRelay.Outage.FREEZE);
            int port = freePort();
            CompletableFuture<Ingate> starting = start(openai, database.url(), port);
            awaitListening(port);
            assertThatThrownBy(() -> chat(port))
                    .hasRootCauseInstanceOf(IOException.class);
            assertThat(starting).failsWithin(Duration.ofSeconds(20));
        }
    }

    private static CompletableFuture<Ingate> start(MockProvider openai, String databaseUrl, int port) throws IOException {
        Path config = Files.createTempFile("ingate-early", ".yaml");
        Files.writeString(config, IngateUnderTest.withKey("""
                providers:
                  openai: { base_url: "%s" }
                """.formatted(openai.baseUrl())));
        StartupSettings settings = StartupSettings.resolve(config, port, Files.createTempDirectory("ingate-early-data"), "127.0.0.1",
                Map.of("INGATE_DATABASE_URL", databaseUrl));
        PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return CompletableFuture.supplyAsync(() -> Ingate.start(settings, console));
    }

    private static void closeOnceStarted(CompletableFuture<Ingate> starting) throws InterruptedException, TimeoutException {
        try {
            starting.get(30, TimeUnit.SECONDS).close();
        } catch (ExecutionException failed) {
            // the test has failed already, or reports why
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("Ingate did not listen on " + port + " while its database was away");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
