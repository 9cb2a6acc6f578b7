package dev.ingate;

import dev.ingate.config.ConfigLoader;
import dev.ingate.config.IngateConfig;
import dev.ingate.pipeline.GatewayState;
import dev.ingate.admin.AdminContext;
import dev.ingate.dispatch.Dispatcher;
import dev.ingate.budget.Budgets;
import dev.ingate.budget.JdbcSpendHistory;
import dev.ingate.estimate.AdmissionEstimates;
import dev.ingate.guard.Guardrails;
import dev.ingate.limits.RateLimits;
import dev.ingate.redis.ChangeSignal;
import dev.ingate.redis.SharedRedis;
import dev.ingate.route.LatencyTracker;
import dev.ingate.route.RoutePlanner;
import dev.ingate.observe.ExchangeCost;
import dev.ingate.observe.ExchangeRecorder;
import dev.ingate.observe.RecordWriterMetrics;
import dev.ingate.observe.UsageMetrics;
import dev.ingate.observe.CacheMetrics;
import dev.ingate.cache.ResponseCache;
import dev.ingate.observe.GatewayMetrics;
import dev.ingate.observe.pricing.PriceCatalog;
import dev.ingate.observe.record.JdbcRequestLog;
import dev.ingate.observe.record.RecordWriter;
import dev.ingate.observe.record.RetentionPruner;
import dev.ingate.observe.trace.Tracing;
import dev.ingate.pipeline.ExchangeObserver;
import dev.ingate.secrets.DataDir;
import dev.ingate.secrets.SecretBox;
import dev.ingate.state.ConfigApplier;
import dev.ingate.state.FirstKey;
import dev.ingate.state.StateBuilder;
import dev.ingate.state.StateReloader;
import dev.ingate.store.Database;
import dev.ingate.store.Stores;
import dev.ingate.webhook.WebhookEvents;
import dev.ingate.server.GatewayServices;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A running gateway: loads the config, prepares the data dir, and serves on one verticle per core. */
public final class Ingate implements AutoCloseable {

    /** How long after listening the JVM's meters are bound: their binders cost a cold JVM ~0.1-0.2 s of CPU. */
    private static final long JVM_METRICS_DELAY_MS = 1_000;

    private final Vertx vertx;
    private final int port;
    private final StateReloader reloader;
    private final RecordWriter writer;
    private final Database database;
    private final Tracing tracing;
    private final RetentionPruner pruner;
    private final GovernanceServices governance;

    private Ingate(Vertx vertx, int port, StateReloader reloader, RecordWriter writer, Database database, Tracing tracing,
                   RetentionPruner pruner, GovernanceServices governance) {
        this.vertx = vertx;
        this.port = port;
        this.reloader = reloader;
        this.writer = writer;
        this.database = database;
        this.tracing = tracing;
        this.pruner = pruner;
        this.governance = governance;
    }

    public static Ingate start(StartupSettings settings, PrintStream console) {
        DataDir dataDir = new DataDir(settings.dataDir());
        // Vert.x starts and the database opens and migrates, each on a thread of its own, while this one reads the
        // config; then the verticles listen and the price catalog loads (it is needed last: starting it later leaves
        // the busiest moments of a cold start to the database and this thread) while this one builds what it can.
        Listening listening = Listening.begin();
        DatabaseOpening opening = DatabaseOpening.begin(settings.databaseUrl().orElse("jdbc:sqlite:" + dataDir.path().resolve("ingate.db")));
        Promise<GatewayServices> ready = Promise.promise();
        RecordWriter writer = null;
        RetentionPruner pruner = null;
        Tracing tracing = Tracing.OFF;
        GovernanceServices governance = null;
        try {
            IngateConfig config = settings.configFile()
                    .map(file -> ConfigLoader.load(file, settings.env()))
                    .orElse(IngateConfig.empty());
            CompletableFuture<PriceCatalog> prices = CompletableFuture.supplyAsync(PriceCatalog::load, Listening::ownThread);
            DataDir.Generated<String> adminToken = dataDir.adminToken(settings.adminToken());
            SecretBox secrets = new SecretBox(dataDir.masterKey(settings.masterKey()).value());
            int port = settings.port() == 0 ? freePort() : settings.port();
            listening.deploy(config.server(), config.recording(), ready.future(), settings.host(), port);

            // what needs neither the database nor the prices, while they load
            GatewayMetrics metrics = new GatewayMetrics();
            WebhookEvents events = new WebhookEvents(WebhookEvents.DEFAULT_CAPACITY);
            Optional<SharedRedis> redis = sharedRedis(settings, listening);
            redis.ifPresent(SharedRedis::watch);
            tracing = Tracing.start(config.telemetry(), settings.env());
            Guardrails guardrails = Guardrails.compile(config.guardrails());

            // what needs the database, before what needs the prices: the catalog began loading later
            Database database = opening.await();
            Stores stores = Stores.open(database);
            governance = GovernanceServices.start(database, secrets, config.webhooks(), dataDir.path(), events);
            boolean changed = new ConfigApplier(governance.asConfigFile(stores.providers()), governance.asConfigFile(stores.routes()),
                    governance.asConfigFile(stores.keys()), secrets).apply(config);
            Optional<String> firstKey = config.keys().isEmpty() ? FirstKey.ensure(governance.asSystem(stores.keys())) : Optional.empty();
            if (changed || firstKey.isPresent()) {
                stores.changes().bump();
            }
            StateBuilder builder = new StateBuilder(config.server(), config.dispatch(), settings.env(), adminToken.value(),
                    stores.providers(), stores.routes(), stores.keys(), secrets);
            StateReloader reloader = new StateReloader(builder, stores.changes(), stores.keys(), database::ping);
            writer = RecordWriter.start(database, dataDir.path());
            pruner = RetentionPruner.start(database, config.recording());
            RecordWriterMetrics.bind(metrics, writer);
            governance.bind(metrics);

            // what needs the prices too
            // tokens and cost are metrics whether or not the request log is on; the log is the recorder alone
            PriceCatalog priceCatalog = prices.join().withOverrides(config.pricing());
            ExchangeCost cost = new ExchangeCost(priceCatalog);
            redis.map(r -> ChangeSignal.start(r, reloader::refreshSoon)).ifPresent(signal -> reloader.afterLocalChange(signal::publish));
            LatencyTracker latency = new LatencyTracker();   // shared: routing reads what every event loop measured
            AdmissionEstimates admissionEstimates = new AdmissionEstimates(priceCatalog);
            RateLimits rateLimits = RateLimits.create(config.limits(), redis, admissionEstimates);
            Budgets budgets = Budgets.create(config.budget(), redis, new JdbcSpendHistory(database.dataSource()), admissionEstimates,
                    cost, events);
            ResponseCache cache = ResponseCache.create(config.cache(), redis, priceCatalog);
            AdminContext admin = new AdminContext(stores.providers(), stores.routes(), stores.keys(), secrets, reloader::changed,
                    reloader::current, new JdbcRequestLog(database), governance.governance(budgets, cache));
            // limits and budgets settle first: their counters matter to the next request, the rest is reporting
            ExchangeObserver observer = rateLimits.andThen(budgets).andThen(metrics).andThen(new UsageMetrics(metrics, cost))
                    .andThen(new CacheMetrics(metrics));
            if (config.recordRequests()) {
                observer = observer.andThen(new ExchangeRecorder(writer, cost));
            }
            observer = tracing.appendTo(observer);
            ready.complete(new GatewayServices(reloader::current, admin, reloader::databaseUp, metrics, observer, config.metricsToken(),
                    priceCatalog, Dispatcher.Shared.create(priceCatalog, latency::record, events), new RoutePlanner(latency, priceCatalog), redis, events,
                    cache, guardrails, rateLimits, budgets));
            Vertx vertx = listening.await();
            reloader.start();
            governance.startDelivery();
            // after the first requests of a fresh start, which it would slow (a scrape before binds them itself)
            vertx.setTimer(JVM_METRICS_DELAY_MS, id -> vertx.executeBlocking(() -> {
                metrics.bindJvmMetrics();
                return null;
            }));
            printBanner(console, settings, port, adminToken, firstKey);
            return new Ingate(vertx, port, reloader, writer, database, tracing, pruner, governance);
        } catch (RuntimeException e) {
            ready.tryFail(e);
            listening.abandon();
            tracing.close();
            if (governance != null) {
                governance.close();
            }
            if (pruner != null) {
                pruner.close();
            }
            if (writer != null) {
                writer.close();
            }
            opening.abandon();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public GatewayState state() {
        return reloader.current();
    }

    @Override
    public void close() {
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing at shutdown: nothing left to do with the error
        }
        reloader.close();
        governance.close();
        tracing.close();
        pruner.close();
        writer.close();
        database.close();
    }

    private static void printBanner(PrintStream console, StartupSettings settings, int port,
                                    DataDir.Generated<String> adminToken, Optional<String> newKey) {
        console.println("Ingate " + Version.current() + " listening on http://" + settings.host() + ":" + port
                + " (data: " + settings.dataDir().toAbsolutePath().normalize() + ")");
        if (adminToken.isNew() || newKey.isPresent()) {
            console.println("First start: these secrets are shown once; keep them.");
            if (adminToken.isNew()) {
                console.println("  admin token:  " + adminToken.value());
            }
            newKey.ifPresent(key -> console.println("  gateway key:  " + key));
        }
        console.flush();
    }

    /** The Redis of INGATE_REDIS_URL, if set: only then is Vert.x, which may still be starting, waited for. */
    private static Optional<SharedRedis> sharedRedis(StartupSettings settings, Listening listening) {
        if (settings.redisUrl().isEmpty()) {
            return Optional.empty();
        }
        return SharedRedis.connect(listening.created(), settings.redisUrl(), Optional.ofNullable(settings.env().get("INGATE_REDIS_PREFIX")));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
