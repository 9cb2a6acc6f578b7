package dev.ingate.observe;

import dev.ingate.observe.usage.UsageFacts;
import dev.ingate.pipeline.AttributeKey;

/** What the request path leaves on an exchange for the recorder. */
public final class Attributes {

    /** The answer's usage, set when its body has ended (or been cut). */
    public static final AttributeKey<UsageFacts> USAGE = new AttributeKey<>("usage");

    /** The bodies being captured, set only when {@code recording.capture_bodies} is on ({@link CaptureBodies}). */
    public static final AttributeKey<BodyCapture> BODIES = new AttributeKey<>("bodies");

    /** The response cache's verdict, {@code HIT}, {@code MISS} or {@code BYPASS}; absent when the cache was not in play. */
    public static final AttributeKey<String> CACHE = new AttributeKey<>("cache");

    /** On a cache hit: what the answer would have cost from its provider (null when unpriced); the hit itself costs 0. */
    public static final AttributeKey<java.math.BigDecimal> SAVED_USD = new AttributeKey<>("saved-usd");

    private Attributes() {
    }
}
