package dev.ingate.server;

import dev.ingate.admin.AdminApi;
import dev.ingate.config.IngateConfig.ServerSettings;
import dev.ingate.config.RecordingSettings;
import dev.ingate.auth.Authenticate;
import dev.ingate.auth.EnforceModelScope;
import dev.ingate.dispatch.Dispatcher;
import dev.ingate.estimate.EstimateHandler;
import dev.ingate.models.ModelsHandler;
import dev.ingate.route.RouteByModel;
import dev.ingate.route.RoutePlanner;
import dev.ingate.estimate.Estimator;
import dev.ingate.guard.GuardInput;
import dev.ingate.guard.Guardrails;
import dev.ingate.guard.StoredBodies;
import dev.ingate.observe.CaptureBodies;
import dev.ingate.observe.StreamUsageRequest;
import dev.ingate.dispatch.UpstreamClients;
import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.ExchangeObserver;
import dev.ingate.pipeline.GatewayState;
import dev.ingate.pipeline.Handler;
import dev.ingate.pipeline.IngateError;
import dev.ingate.pipeline.Interceptor;
import dev.ingate.pipeline.Pipeline;
import dev.ingate.route.ResolveProvider;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One per event loop: an HTTP server and its own upstream clients, so a request and its upstream
 * call share a loop. Ingate's own routes are answered here; every other path enters the pipeline.
 */
public final class GatewayVerticle extends VerticleBase {

    private final ServerSettings settings;
    /** recording.max_body_size when bodies are captured, else 0: no capture step in the pipeline at all. */
    private final long captureBodyBytes;
    private final Future<GatewayServices> ready;
    private final String host;
    private final int port;
    private Supplier<GatewayState> state;
    private BooleanSupplier databaseUp;
    private java.util.Optional<dev.ingate.redis.SharedRedis> redis = java.util.Optional.empty();
    private AdminApi admin;
    private MetricsRoute metrics;
    private ExchangeObserver observer = ExchangeObserver.NONE;
    private HttpServer server;
    private Dispatcher dispatcher;
    private EstimateHandler estimates;
    private ModelsHandler models;
    private RoutePlanner planner;
    private Handler pipeline;
    private dev.ingate.cache.CacheInterceptor cache;
    private Interceptor guard;
    private java.util.function.UnaryOperator<String> storedBodyRedactor = java.util.function.UnaryOperator.identity();
    private dev.ingate.limits.RateLimits rateLimits;
    private dev.ingate.budget.Budgets budgets;
    /** Set on this verticle's loop once the services are taken; until then requests wait for them. */
    private boolean handedOver;

    /**
     * @param ready completes when the database side is up; the verticle prepares everything else and listens
     *              before, holding early requests until then, so start-up work on both sides overlaps
     */
    public GatewayVerticle(ServerSettings settings, RecordingSettings recording, Future<GatewayServices> ready, String host, int port) {
        this.settings = settings;
        this.captureBodyBytes = recording.enabled() && recording.captureBodies() ? recording.maxBodyBytes() : 0;
        this.ready = ready;
        this.host = host;
        this.port = port;
    }

    @Override
    public Future<?> start() {
        Duration connectTimeout = min(settings.upstreamTimeout(), Duration.ofSeconds(30));
        UpstreamClients clients = new UpstreamClients(vertx, connectTimeout, settings.upstreamCaFile().stream().toList());
        // The order is SPEC section 4's order of checks: 401, 400/404 (resolution), 415, 413, 400 (JSON).
        List<Interceptor> interceptors = new ArrayList<>(List.of(
                new Authenticate(),
                new ResolveProvider(),
                new RequireJsonContentType(),
                new ReadBody()));
        if (captureBodyBytes > 0) {
            // the body as sent, before anything rewrites it; PII of the guardrails' pii rules redacted as it is stored
            interceptors.add(new CaptureBodies(captureBodyBytes, text -> storedBodyRedactor.apply(text)));
        }
        interceptors.add(new InspectJson());
        interceptors.add(new EnforceModelScope());
        interceptors.add(new RouteByModel(() -> planner));   // after the body: rules match the requested model
        interceptors.add((ex, next) -> models.intercept(ex, next));   // the model list: Ingate's models added
        interceptors.add((ex, next) -> rateLimits.intercept(ex, next));   // 429 per key and provider
        // guardrails on the input (403 or redaction), arming the output rules; before the cache and budgets
        interceptors.add((ex, next) -> guard.intercept(ex, next));
        interceptors.add((ex, next) -> cache.intercept(ex, next));   // a hit answers here, after every check that may refuse
        interceptors.add((ex, next) -> budgets.intercept(ex, next));   // 402: reserves the estimated cost; hits cost nothing
        interceptors.add(new StreamUsageRequest());   // exact usage of OpenAI streams for the token and cost metrics
        pipeline = Pipeline.assemble(interceptors, this::endOfPipeline);
        HttpServerOptions options = new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setTcpNoDelay(true)
                .setCompressionSupported(false)
                .setMaxHeaderSize(64 * 1024)
                .setMaxInitialLineLength(16 * 1024)
                .setHandle100ContinueAutomatically(false);
        server = vertx.createHttpServer(options).requestHandler(this::route);
        // The hand-over completes on the starting thread; it is taken on this verticle's own loop, where its
        // requests and its upstream clients run.
        ready.onComplete(handedOver -> context.runOnContext(v -> {
            if (handedOver.succeeded()) {
                take(handedOver.result(), clients);
            }
        }));
        // Listening begins before the hand-over, on this loop: connections are accepted and requests parsed while
        // the database side still starts, and a request that came early is served the moment the services are
        // there (see awaitHandOver) instead of being refused and retried.
        return server.listen();
    }

    private void take(GatewayServices services, UpstreamClients clients) {
        state = services.state();
        databaseUp = services.databaseUp();
        redis = services.redis();
        admin = new AdminApi(vertx, services.admin(), () -> state.get().adminToken());
        metrics = new MetricsRoute(vertx, services.metrics(), services.metricsToken());
        observer = services.observer();
        dispatcher = new Dispatcher(vertx, clients, settings, services.dispatch());
        planner = services.planner();
        rateLimits = services.rateLimits();
        budgets = services.budgets();
        models = new ModelsHandler(services.prices());
        cache = new dev.ingate.cache.CacheInterceptor(vertx, services.cache());
        estimates = new EstimateHandler(vertx, new Estimator(services.prices()));
        Guardrails guardrails = services.guardrails();
        guard = guardrails.isEmpty() ? (ex, next) -> next.handle(ex) : new GuardInput(vertx, guardrails, services.events());
        storedBodyRedactor = StoredBodies.redactor(guardrails);
        handedOver = true;
    }

    /**
     * A request that came before the services: paused (its body waits in the connection) until they are handed over,
     * then routed as any other; if the start fails instead, its connection is closed.
     */
    private void awaitHandOver(HttpServerRequest request) {
        request.pause();
        ready.onComplete(done -> context.runOnContext(v -> {
            if (!handedOver) {
                request.connection().close();
                return;
            }
            route(request);   // sets the body's handlers first: resuming delivers what was held
            request.resume();
        }));
    }

    @Override
    public Future<?> stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        return server == null ? Future.succeededFuture() : server.close();
    }

    private void route(HttpServerRequest request) {
        if (!handedOver) {
            awaitHandOver(request);
            return;
        }
        long start = System.nanoTime();
        String id = RequestIds.next();
        String path = request.path();
        GatewayState current = state.get();
        if (path.equals("/") || path.equals("/health")) {
            if (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD) {
                HealthRoute.handle(request, id, databaseUp.getAsBoolean(), redisState());
            } else {
                OwnReplies.error(request, id, new IngateError(IngateError.Kind.INVALID_REQUEST, "method_not_allowed",
                        request.method() + " is not allowed on " + path));
            }
            return;
        }
        if (path.equals("/api/v1") || path.startsWith("/api/v1/")) {
            admin.handle(request, id);
            return;
        }
        if (path.equals("/metrics")) {
            metrics.handle(request, id);
            return;
        }
        if (path.equals("/dashboard") || path.startsWith("/dashboard/")) {
            OwnReplies.error(request, id, new IngateError(IngateError.Kind.NOT_FOUND, "not_found", path + " is not available in this build"));
            return;
        }
        pipeline.handle(new Exchange(id, start, request, current, observer));
    }

    /** Estimates pass every check a proxied request does, then are answered here instead of going upstream. */
    private void endOfPipeline(Exchange ex) {
        if (EstimateHandler.PATH.equals(ex.request().path())) {
            estimates.handle(ex);

        } else {
            dispatcher.handle(ex);
        }
    }

    /** Redis is shared state the gateway can work without (everything falls back in-process), so it never fails /health. */
    private String redisState() {
        return redis.map(r -> r.up() ? "ok" : "down").orElse("disabled");
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

}
