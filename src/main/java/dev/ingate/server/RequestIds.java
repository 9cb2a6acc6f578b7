package dev.ingate.server;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids: UUID version 7 (RFC 9562), a millisecond timestamp followed by random bits. Time-ordered
 * ids keep the request log's inserts at the end of its indexes: random v4 ids scattered every batch
 * over the whole primary-key index and made the writer rewrite a page per record. {@link UUID#randomUUID()}
 * also draws from one shared SecureRandom; ids need uniqueness, not secrecy, so each loop uses its own.
 */
final class RequestIds {

    private RequestIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
