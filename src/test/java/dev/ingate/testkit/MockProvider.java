package dev.ingate.testkit;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A mock LLM provider: a real HTTP server on loopback (random port, started on first use of
 * {@link #port()}/{@link #baseUrl()}) speaking OpenAI's, Anthropic's, Ollama's or Gemini's wire format. It
 * records every request, answers from a FIFO queue of one-shot {@link Behaviour}s (then the sticky
 * {@link #always} behaviour, then the provider's normal answer) and notices client aborts.
 */
public final class MockProvider implements AutoCloseable {

    /** The assistant text every default chat/messages/generate answer carries (streamed or not). */
    public static final String REPLY_TEXT = Wire.REPLY_TEXT;

    /**
     * One request received: header names lower-cased in arrival order, the whole body (or what
     * arrived before the client went away), and the time its head arrived.
     *
     * @param query the raw query string, null if none
     */
    public record Recorded(
            String method, String path, String query, Map<String, List<String>> headers, byte[] body,
            Instant receivedAt) {

        /** First value of a header (any case), or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.getFirst();
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body parsed as JSON (throws if it is not JSON). */
        public JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }

        @Override
        public String toString() {
            return method + " " + path + (query == null ? "" : "?" + query) + " " + headers + " " + bodyText();
        }
    }

    private final String name;
    private final Dialect dialect;
    private final Vertx vertx;
    private final Object lock = new Object();
    private final List<Recorded> requests = new ArrayList<>();
    private final List<Instant> aborts = new ArrayList<>();
    private final Deque<Behaviour> queue = new ArrayDeque<>();
    private Behaviour sticky;
    private int abortsAwaited;
    private boolean tls;
    private boolean strict;
    private boolean closed;
    private HttpServer server;

    private MockProvider(String name, Dialect dialect) {
        this.name = name;
        this.dialect = dialect;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2)
                .setInternalBlockingPoolSize(2));
    }

    /** POST /v1/chat/completions, /v1/completions, /v1/embeddings, /v1/responses; GET /v1/models. */
    public static MockProvider openai() {
        return new MockProvider("openai", new OpenAiAnswers());
    }

    /** POST /v1/messages (stream and not), /v1/messages/count_tokens. */
    public static MockProvider anthropic() {
        return new MockProvider("anthropic", new AnthropicAnswers());
    }

    /** POST /api/chat, /api/generate (NDJSON unless "stream":false), /api/embed; GET /api/tags. */
    public static MockProvider ollama() {
        return new MockProvider("ollama", new OllamaAnswers());
    }

    /**
     * Google's Gemini API: POST /v1beta/models/{model}:generateContent and
     * :streamGenerateContent (SSE with {@code ?alt=sse}, else one JSON array). Needs an
     * {@code x-goog-api-key} header (or {@code ?key=}); any non-empty key is accepted.
     */
    public static MockProvider gemini() {
        return new MockProvider("gemini", new GeminiAnswers());
    }

    /** Serve HTTPS with a self-signed certificate for localhost/127.0.0.1. Call before first use. */
    public MockProvider tls() {
        synchronized (lock) {
            if (server != null) throw new IllegalStateException("tls() must be called before the server starts");
            tls = true;
        }
        return this;
    }

    /**
     * Validate each request as the real API does before giving the normal answer: a request the real
     * provider would refuse gets its 400 (Gemini: also 401/403) in the provider's own envelope, so a
     * bad translation fails the test instead of passing against a lenient mock. Scripted behaviours
     * ({@link Behaviour#json}, {@link Behaviour#error}, …) still answer as scripted. Call before first use.
     */
    public MockProvider strict() {
        synchronized (lock) {
            if (server != null) throw new IllegalStateException("strict() must be called before the server starts");
            strict = true;
        }
        return this;
    }

    /** Starts the server if it is not running yet (port(), baseUrl() do this too). */
    public MockProvider start() {
        synchronized (lock) {
            if (closed) throw new IllegalStateException("closed");
            if (server != null) return this;
            HttpServerOptions options = new HttpServerOptions().setHttp2ClearTextEnabled(false)
                    .setHandle100ContinueAutomatically(true);
            if (tls) {
                options.setSsl(true).setKeyCertOptions(new PfxOptions()
                        .setPath(SelfSignedCert.get().keyStore().toString()).setPassword(SelfSignedCert.PASSWORD));
            }
            HttpServer s = vertx.createHttpServer(options)
                    .requestHandler(req -> new Exchange(this, dialect, vertx, req).start());
            server = join(s.listen(0, "127.0.0.1"));
            return this;
        }
    }

    /** PEM file of the self-signed certificate served in {@link #tls()} mode. */
    public Path caCertificatePem() {
        if (!tls) throw new IllegalStateException("not in tls mode");
        return SelfSignedCert.get().certificatePem();
    }

    public int port() {
        return start().server.actualPort();
    }

    /** "http://127.0.0.1:PORT", or "https://localhost:PORT" in tls mode. No trailing slash. */
    public String baseUrl() {
        int port = port();
        return (tls ? "https://localhost:" : "http://127.0.0.1:") + port;
    }

    // ---- recorded requests --------------------------------------------------------------------

    public List<Recorded> requests() {
        synchronized (lock) {
            return List.copyOf(requests);
        }
    }

    public Recorded lastRequest() {
        synchronized (lock) {
            if (requests.isEmpty()) throw new AssertionError(name + " mock received no request");
            return requests.getLast();
        }
    }

    /** Waits until at least {@code n} requests arrived and returns the nth (1-based). */
    public Recorded awaitRequests(int n, Duration timeout) {
        if (n < 1) throw new IllegalArgumentException("n < 1");
        synchronized (lock) {
            awaitUntil(() -> requests.size() >= n, timeout,
                    () -> name + " mock expected " + n + " request(s) within " + timeout + " but got " + requests);
            return requests.get(n - 1);
        }
    }

    public void clearRequests() {
        synchronized (lock) {
            requests.clear();
        }
    }

    // ---- scripting ------------------------------------------------------------------------------

    /** Queues a one-shot behaviour for the next request not yet answered. */
    public MockProvider enqueue(Behaviour b) {
        synchronized (lock) {
            queue.add(b);
        }
        return this;
    }

    /** Sets the behaviour used when the queue is empty (null for the normal answer). */
    public MockProvider always(Behaviour b) {
        synchronized (lock) {
            sticky = b;
        }
        return this;
    }

    /** Clears the queue, the sticky behaviour, recorded requests and aborts. */
    public void reset() {
        synchronized (lock) {
            queue.clear();
            sticky = null;
            requests.clear();
            aborts.clear();
            abortsAwaited = 0;
        }
    }

    // ---- aborts ---------------------------------------------------------------------------------

    /** Times at which the server noticed a client going away before its response ended. */
    public List<Instant> aborts() {
        synchronized (lock) {
            return List.copyOf(aborts);
        }
    }

    /** Waits for the next abort not yet returned by this method and returns when it was noticed. */
    public Instant awaitAbort(Duration timeout) {
        synchronized (lock) {
            awaitUntil(() -> aborts.size() > abortsAwaited, timeout,
                    () -> name + " mock saw no client abort within " + timeout + " (requests: " + requests + ")");
            return aborts.get(abortsAwaited++);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) return;
            closed = true;
            lock.notifyAll();
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // best effort: a test teardown must not fail because the mock was slow to stop
        }
    }

    @Override
    public String toString() {
        return name + " mock" + (server == null ? "" : " at " + baseUrl());
    }

    // ---- used by Exchange (event loop) ---------------------------------------------------------

    void recorded(Recorded r) {
        synchronized (lock) {
            requests.add(r);
            lock.notifyAll();
        }
    }

    void aborted() {
        synchronized (lock) {
            if (closed) return;
            aborts.add(Instant.now());
            lock.notifyAll();
        }
    }

    boolean isStrict() {
        synchronized (lock) {
            return strict;
        }
    }

    Behaviour next() {
        synchronized (lock) {
            Behaviour b = queue.poll();
            return b != null ? b : sticky != null ? sticky : Behaviour.normal();
        }
    }

    private void awaitUntil(java.util.function.BooleanSupplier done, Duration timeout,
            java.util.function.Supplier<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || closed) throw new AssertionError(failure.get());
            try {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static <T> T join(io.vertx.core.Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("mock provider failed to start", e);
        }
    }
}
