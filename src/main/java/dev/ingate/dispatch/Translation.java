package dev.ingate.dispatch;

import dev.ingate.translate.ShapeCodec;
import dev.ingate.translate.canonical.CanonicalRequest;

/**
 * One attempt's translation: the caller's codec, the upstream's, and the request as the caller meant it (its
 * own model, its own stream-usage wish), from which the answer is rendered back.
 */
record Translation(ShapeCodec caller, ShapeCodec upstream, CanonicalRequest callerRequest) {
}
