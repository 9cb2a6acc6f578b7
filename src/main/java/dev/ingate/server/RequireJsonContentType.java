package dev.ingate.server;

import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.Handler;
import dev.ingate.pipeline.IngateError;
import dev.ingate.pipeline.Interceptor;
import io.vertx.core.http.HttpHeaders;

/** 415 for a POST to a JSON endpoint that does not say its body is JSON. */
public final class RequireJsonContentType implements Interceptor {

    private static final String JSON = "application/json";

    @Override
    public void intercept(Exchange ex, Handler next) {
        if (JsonEndpoints.isJsonEndpoint(ex.request().method(), ex.request().path()) && !isJson(ex.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            ex.fail(IngateError.unsupportedMediaType(ex.request().path()));
            return;
        }
        next.handle(ex);
    }

    static boolean isJson(String contentType) {
        if (contentType == null || !contentType.regionMatches(true, 0, JSON, 0, JSON.length())) {
            return false;
        }
        return contentType.length() == JSON.length() || contentType.charAt(JSON.length()) == ';' || contentType.charAt(JSON.length()) == ' ';
    }
}
