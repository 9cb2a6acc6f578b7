package dev.ingate.translate;

import dev.ingate.translate.canonical.CanonicalError;
import dev.ingate.translate.canonical.CanonicalRequest;
import dev.ingate.translate.canonical.CanonicalResponse;
import dev.ingate.translate.canonical.Shape;

/**
 * Everything the dispatcher needs to speak one API shape, as the caller's shape (decode its request, encode the
 * answer into it) or as the upstream's (encode the request for it, decode its answer). Implementations are
 * stateless and shared; the stream coders they hand out are one per stream.
 */
public interface ShapeCodec {

    Shape shape();

    /**
     * The caller's request. {@code path} is the path it called: Gemini carries the model and streaming there.
     *
     * @throws TranslationException when the body is not a request of this shape
     */
    CanonicalRequest decodeRequest(String path, String json);

    /** The request for an upstream of this shape; {@code defaultMaxTokens} fills a required maximum when the caller set none. */
    Encoded encodeRequest(CanonicalRequest request, int defaultMaxTokens);

    /** Where a request of this shape goes on the upstream: a path, with a query string when the shape needs one. */
    UpstreamTarget upstreamTarget(CanonicalRequest request);

    CanonicalResponse decodeResponse(String json);

    /** The answer in this shape for a caller that sent {@code request}. */
    Encoded encodeResponse(CanonicalResponse response, CanonicalRequest request);

    StreamDecoder streamDecoder();

    StreamEncoder streamEncoder(CanonicalRequest request);

    /** The content type of this shape's streams ({@code text/event-stream}, or NDJSON for Ollama). */
    String streamContentType();

    /** An upstream error body of this shape (or anything else: never throws) as a canonical error. */
    CanonicalError decodeError(int status, String body);

    /** The error body a caller of this shape expects. */
    String encodeError(CanonicalError error);

    /** @param query without the {@code ?}; empty when none */
    record UpstreamTarget(String path, String query) {
    }
}
