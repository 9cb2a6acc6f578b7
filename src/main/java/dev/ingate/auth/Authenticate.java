package dev.ingate.auth;

import dev.ingate.keys.GatewayKey;
import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.Handler;
import dev.ingate.pipeline.IngateError;
import dev.ingate.pipeline.Interceptor;

/** 401 unless the caller presents a gateway key that the keyring knows. */
public final class Authenticate implements Interceptor {

    @Override
    public void intercept(Exchange ex, Handler next) {
        KeyCarrier carrier = KeyCarrier.find(ex.request().headers());
        if (carrier == KeyCarrier.NONE) {
            ex.fail(IngateError.missingKey());
            return;
        }
        GatewayKey key = ex.state().keyring().authenticate(carrier.presentedKey(ex.request().headers())).orElse(null);
        if (key == null) {
            ex.fail(IngateError.invalidKey());
            return;
        }
        ex.authenticated(key, carrier.header());
        next.handle(ex);
    }
}
