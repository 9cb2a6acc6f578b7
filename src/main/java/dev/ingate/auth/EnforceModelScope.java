package dev.ingate.auth;

import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.Handler;
import dev.ingate.pipeline.IngateError;
import dev.ingate.pipeline.Interceptor;

/** 403 when the key is limited to some models and the request asks for another. Runs once the body is read. */
public final class EnforceModelScope implements Interceptor {

    @Override
    public void intercept(Exchange ex, Handler next) {
        if (!ex.key().allowsModel(ex.model())) {
            ex.fail(IngateError.modelOutOfScope(ex.model()));
            return;
        }
        next.handle(ex);
    }
}
