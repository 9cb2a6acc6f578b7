package dev.ingate.dispatch;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Circuit transitions go to the log: an operator wants to know a provider is being skipped, and when it is back. */
enum BreakerLog implements CircuitBreakers.Listener {
    INSTANCE;

    private static final Logger LOG = System.getLogger("dev.ingate.dispatch");

    @Override
    public void opened(String provider, int failures) {
        LOG.log(Level.WARNING, "provider ''{0}'' failed {1} times in a row: skipped while its circuit is open", provider, failures);
    }

    @Override
    public void closed(String provider) {
        LOG.log(Level.INFO, "provider ''{0}'' answers again: circuit closed", provider);
    }
}
