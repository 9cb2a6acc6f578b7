package dev.ingate.admin;

import dev.ingate.keys.KeyStore;
import dev.ingate.observe.record.RequestLog;
import dev.ingate.pipeline.GatewayState;
import dev.ingate.provider.ProviderStore;
import dev.ingate.provider.RouteStore;
import dev.ingate.secrets.SecretBox;

import java.util.function.Supplier;

/**
 * What the admin resources work with. {@code changed} records that the configuration changed: it
 * bumps the shared change counter and rebuilds this instance's state before the answer goes out.
 */
public record AdminContext(ProviderStore providers, RouteStore routes, KeyStore keys, SecretBox secrets, Runnable changed,
                           Supplier<GatewayState> state, RequestLog requests) {
}
