package dev.ingate.dispatch;

import dev.ingate.observe.StreamUsageRequest;
import dev.ingate.observe.pricing.PriceCatalog;
import dev.ingate.pipeline.Exchange;
import dev.ingate.provider.ApiShape;
import dev.ingate.provider.Provider;
import dev.ingate.route.Target;
import dev.ingate.translate.Codecs;
import dev.ingate.translate.Encoded;
import dev.ingate.translate.GeminiPaths;
import dev.ingate.translate.ShapeCodec;
import dev.ingate.translate.canonical.CanonicalRequest;
import dev.ingate.translate.canonical.Shape;
import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Turns the caller's request into what one target receives. Same shape: the bytes as they came (only the
 * model spliced in when the target names another). Other shape: decoded once per exchange into the canonical
 * model and encoded for the target, with the parameters that had no equivalent listed.
 */
final class RequestPreparer {

    static final String TRANSLATE_HEADER = "x-ingate-translate";
    /** SPEC section 3: the model's maximum output from the price catalog, else this. */
    static final int DEFAULT_MAX_TOKENS = 4096;
    /** Above this a translation takes milliseconds (JSON of base64 images): it runs on a worker thread. */
    static final int HEAVY_BODY_BYTES = 256 * 1024;

    /** A prepared request, or why this target cannot take the request at all. */
    record Outcome(PreparedRequest request, String unservable) {
    }

    private final Codecs codecs;
    private final PriceCatalog prices;
    private final Exchange ex;
    private final boolean translateAsked;
    private final boolean extrasPresent;
    private CanonicalRequest decoded;

    RequestPreparer(Codecs codecs, PriceCatalog prices, Exchange ex) {
        this.codecs = codecs;
        this.prices = prices;
        this.ex = ex;
        this.translateAsked = "true".equalsIgnoreCase(ex.request().getHeader(TRANSLATE_HEADER));
        this.extrasPresent = Boolean.TRUE.equals(ex.attribute(ProviderExtras.PRESENT));
    }

    /** @throws dev.ingate.translate.TranslationException when the caller's body is not a valid request of its shape */
    Outcome prepare(Target target) {
        Provider provider = target.provider();
        String path = ex.request().path();
        if (!needsTranslation(target)) {
            return new Outcome(passThrough(target, path), null);
        }
        Optional<ShapeCodec> caller = Codecs.ofIngressPath(path).flatMap(codecs::forShape);
        Optional<ShapeCodec> upstream = Codecs.forProvider(provider.shape()).flatMap(codecs::forShape);
        if (caller.isEmpty() || upstream.isEmpty() || ex.request().method() != io.vertx.core.http.HttpMethod.POST) {
            return new Outcome(null, ex.request().method() + " " + path + " cannot be translated for provider '" + provider.name()
                    + "' (type " + provider.shape().configName() + ")");
        }
        CanonicalRequest callerRequest = decode(caller.get(), path);
        CanonicalRequest upstreamRequest = callerRequest.withModel(target.modelOr(callerRequest.model()));
        Encoded encoded = upstream.get().encodeRequest(upstreamRequest, defaultMaxTokens(provider, upstreamRequest.model()));
        ShapeCodec.UpstreamTarget where = upstream.get().upstreamTarget(upstreamRequest);
        Buffer body = Buffer.buffer(encoded.json());
        if (extrasPresent) {
            body = ProviderExtras.mergeInto(body, ex.body(), provider);
        }
        return new Outcome(new PreparedRequest(body, where.path(), where.query(),
                new Translation(caller.get(), upstream.get(), callerRequest), encoded.droppedParams()), null);
    }

    /** Whether preparing for this target means translating a body large enough to keep an event loop busy. */
    boolean isHeavy(Target target) {
        return ex.body().length() > HEAVY_BODY_BYTES && needsTranslation(target);
    }

    private boolean needsTranslation(Target target) {
        return target.provider().shape() != nativeProviderType(ex.request().path()) && (translateAsked || target.translatesImplicitly());
    }

    /** Whether {@link #prepare} could produce a request for the target, without doing the work. */
    boolean canServe(Target target) {
        Provider provider = target.provider();
        String path = ex.request().path();
        if (!needsTranslation(target)) {
            return true;
        }
        return ex.request().method() == io.vertx.core.http.HttpMethod.POST
                && Codecs.ofIngressPath(path).flatMap(codecs::forShape).isPresent()
                && Codecs.forProvider(provider.shape()).flatMap(codecs::forShape).isPresent();
    }

    private PreparedRequest passThrough(Target target, String path) {
        Buffer body = extrasPresent ? ProviderExtras.forTarget(ex.body(), target.provider()) : ex.body();
        if (target.model().isPresent() && !target.model().get().equals(ex.model())) {
            if (Codecs.isGeminiPath(path)) {
                path = GeminiPaths.withModel(path, target.model().get());
            } else {
                body = ModelRewrite.withModel(body, target.model().get());
            }
        }
        return new PreparedRequest(body, path, null, null, List.of());
    }

    private CanonicalRequest decode(ShapeCodec caller, String path) {
        if (decoded == null) {
            String json = ex.body().toString(StandardCharsets.UTF_8);
            CanonicalRequest request = caller.decodeRequest(path, extrasPresent ? withoutExtras(json) : json);
            // Ingate asked an OpenAI upstream for stream usage on the caller's behalf; the caller did not.
            if (Boolean.TRUE.equals(ex.attribute(StreamUsageRequest.STRIP_USAGE))) {
                request = request.withStreamUsage(false);
            }
            decoded = request;
        }
        return decoded;
    }

    /** The caller's body without Ingate's extras fields, which belong to no shape. */
    private static String withoutExtras(String json) {
        tools.jackson.databind.node.ObjectNode root = dev.ingate.translate.Json.parseObject(json);
        root.properties().removeIf(field -> ProviderExtras.isExtrasField(field.getKey()));
        return dev.ingate.translate.Json.write(root);
    }

    private int defaultMaxTokens(Provider provider, String model) {
        if (model == null) {
            return DEFAULT_MAX_TOKENS;
        }
        return prices.find(provider.name(), provider.shape().configName(), model)
                .map(price -> price.maxOutputTokensOr(DEFAULT_MAX_TOKENS))
                .orElse(DEFAULT_MAX_TOKENS);
    }

    /** The provider type whose API a path belongs to; a provider of this type takes the request as it is. */
    static ApiShape nativeProviderType(String path) {
        Optional<Shape> shape = Codecs.ofIngressPath(path);
        return shape.isPresent() ? Codecs.providerTypeOf(shape.get()) : ApiShape.ofIngressPath(path);
    }
}
