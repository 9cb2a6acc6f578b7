package dev.ingate.dispatch;

import dev.ingate.config.IngateConfig.ServerSettings;
import dev.ingate.observe.pricing.PriceCatalog;
import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.Handler;
import dev.ingate.route.Plan;
import dev.ingate.route.Target;
import dev.ingate.translate.Codecs;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.Optional;

/**
 * The end of the pipeline: sends the exchange along its plan (primary, retries, fallbacks) and relays the
 * answer, translated when the shapes differ. One per event loop; the circuit breakers are shared by all.
 */
public final class Dispatcher implements Handler {

    /** What the dispatcher shares across event loops. */
    public record Shared(Codecs codecs, PriceCatalog prices, CircuitBreakers breakers, LatencyObserver latency) {

        public static Shared create(PriceCatalog prices, LatencyObserver latency, dev.ingate.events.GatewayEvents events) {
            return new Shared(new Codecs(prices.clock()), prices, new CircuitBreakers(System::nanoTime, new BreakerEvents(events)), latency);
        }
    }

    /** Told the time to the response head of every successful attempt (for lowest-latency routing). */
    public interface LatencyObserver {
        void record(String provider, String model, long nanos);
    }

    private final Vertx vertx;
    private final UpstreamClients clients;
    private final Deadlines deadlines;
    private final Shared shared;
    private dev.ingate.config.DispatchSettings policySettings;
    private FailurePolicy policy;

    /** To be made on the event loop it serves: its timeout sweep runs there. */
    public Dispatcher(Vertx vertx, UpstreamClients clients, ServerSettings settings, Shared shared) {
        this.vertx = vertx;
        this.clients = clients;
        this.shared = shared;
        this.deadlines = new Deadlines(vertx, Deadlines.periodFor(settings.upstreamTimeout(), settings.streamIdleTimeout()));
    }

    @Override
    public void handle(Exchange ex) {
        Plan plan = ex.attribute(Plan.KEY);
        if (plan == null) {
            plan = new Plan(List.of(new Target(ex.provider(), Optional.empty(), Target.Origin.RESOLVED)));
        }
        new AttemptRun(this, ex, plan, policyFor(ex.state().dispatch())).start();
    }

    /** The snapshot's settings change rarely: one policy per snapshot, not one per request. */
    private FailurePolicy policyFor(dev.ingate.config.DispatchSettings settings) {
        if (settings != policySettings) {
            policy = FailurePolicy.of(settings);
            policySettings = settings;
        }
        return policy;
    }

    void answered(Target target, String requestedModel, long nanos) {
        String model = target.modelOr(requestedModel);
        if (model != null) {
            shared.latency().record(target.provider().name(), model, nanos);
        }
    }

    Vertx vertx() {
        return vertx;
    }

    UpstreamClients clients() {
        return clients;
    }

    Deadlines deadlines() {
        return deadlines;
    }

    Codecs codecs() {
        return shared.codecs();
    }

    PriceCatalog prices() {
        return shared.prices();
    }

    CircuitBreakers breakers() {
        return shared.breakers();
    }

    public void close() {
        deadlines.close();
        clients.close();
    }
}
