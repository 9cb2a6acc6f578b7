package dev.ingate.cache;

import dev.ingate.dispatch.AnswerTap;
import dev.ingate.observe.usage.UsageFacts;
import dev.ingate.provider.Provider;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;

import java.time.Duration;
import java.util.Arrays;

/**
 * Copies the client-bound answer as it is relayed and stores it when it ended well: status 200, not compressed
 * (the replay would have to repeat the encoding), not cut, and within {@code cache.max_entry_size} — past that
 * the copy is dropped at once, so a long stream is never held whole. Event loop only.
 */
final class CacheFill implements AnswerTap {

    /** The least a copy starts with: a stream's first events are small, and doubling from a few bytes copies often. */
    private static final int FIRST_CAPACITY = 512;

    private final AnswerStore store;
    private final String key;
    private final Duration ttl;
    private final int maxBytes;
    private String contentType;
    private Provider servedBy;
    private byte[] bytes;
    private int length;
    private boolean tooLarge;

    CacheFill(AnswerStore store, String key, Duration ttl, long maxBytes) {
        this.store = store;
        this.key = key;
        this.ttl = ttl;
        this.maxBytes = (int) Math.min(maxBytes, Integer.MAX_VALUE - 1024);
    }

    @Override
    public boolean started(int status, MultiMap headers, Provider provider) {
        String encoding = headers.get(HttpHeaders.CONTENT_ENCODING);
        if (status != 200 || encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            return false;
        }
        contentType = headers.get(HttpHeaders.CONTENT_TYPE);
        servedBy = provider;
        return true;
    }

    @Override
    public void chunk(Buffer clientBytes) {
        if (tooLarge) {
            return;
        }
        int needed = length + clientBytes.length();
        if (needed > maxBytes || needed < 0) {
            tooLarge = true;
            bytes = null;
            return;
        }
        if (bytes == null || bytes.length < needed) {
            // a JSON answer mostly comes in one chunk: held in an array of its size, stored without a copy
            int capacity = bytes == null ? Math.min(maxBytes, Math.max(needed, FIRST_CAPACITY)) : bytes.length;
            while (capacity < needed) {
                capacity = (int) Math.min(maxBytes, capacity * 2L);
            }
            bytes = bytes == null ? new byte[capacity] : Arrays.copyOf(bytes, capacity);
        }
        clientBytes.getBytes(0, clientBytes.length(), bytes, length);
        length = needed;
    }

    @Override
    public void completed(UsageFacts usage) {
        if (tooLarge) {
            return;
        }
        byte[] body = bytes == null ? new byte[0] : bytes.length == length ? bytes : Arrays.copyOf(bytes, length);
        bytes = null;
        store.put(key, new CachedAnswer(contentType, body, servedBy.name(), servedBy.shape().configName(),
                usage == null ? UsageFacts.NONE : usage), ttl);
    }

    @Override
    public void cut() {
        bytes = null;
    }
}
