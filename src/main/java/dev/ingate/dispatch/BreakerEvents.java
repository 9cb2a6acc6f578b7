package dev.ingate.dispatch;

import dev.ingate.events.GatewayEvents;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * Circuit transitions go to the log and out as events (provider failing / recovered): an operator wants to know a
 * provider is being skipped, and when it is back.
 */
final class BreakerEvents implements CircuitBreakers.Listener {

    private static final Logger LOG = System.getLogger("dev.ingate.dispatch");

    private final GatewayEvents events;

    BreakerEvents(GatewayEvents events) {
        this.events = events;
    }

    @Override
    public void opened(String provider, int failures) {
        LOG.log(Level.WARNING, "provider ''{0}'' failed {1} times in a row: skipped while its circuit is open", provider, failures);
        events.publish(GatewayEvents.PROVIDER_FAILING, Map.of("provider", provider, "consecutive_failures", failures));
    }

    @Override
    public void closed(String provider) {
        LOG.log(Level.INFO, "provider ''{0}'' answers again: circuit closed", provider);
        events.publish(GatewayEvents.PROVIDER_RECOVERED, Map.of("provider", provider));
    }
}
