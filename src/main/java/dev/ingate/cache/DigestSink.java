package dev.ingate.cache;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 fed through a small buffer. The canonical form is written a byte or a short string at a time, and
 * {@link MessageDigest#update(byte)} costs a call chain per byte: buffered, a cache key takes one update per 8 KB.
 * One per thread ({@link #get}); not thread-safe.
 */
final class DigestSink {

    private static final ThreadLocal<DigestSink> PER_THREAD = ThreadLocal.withInitial(DigestSink::new);
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest md;
    private final byte[] buffer = new byte[8192];
    private int length;

    private DigestSink() {
        try {
            this.md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** This thread's sink, emptied. */
    static DigestSink get() {
        DigestSink sink = PER_THREAD.get();
        sink.md.reset();
        sink.length = 0;
        return sink;
    }

    void put(byte b) {
        if (length == buffer.length) {
            flush();
        }
        buffer[length++] = b;
    }

    void put(byte[] bytes) {
        if (bytes.length > buffer.length - length) {
            flush();
            if (bytes.length > buffer.length) {
                md.update(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    /** A big-endian int: the length prefix of a string. */
    void putInt(int value) {
        put((byte) (value >>> 24));
        put((byte) (value >>> 16));
        put((byte) (value >>> 8));
        put((byte) value);
    }

    /** The digest of everything put since {@link #get}, as lower-case hex. */
    String hex() {
        flush();
        return HEX.formatHex(md.digest());
    }

    private void flush() {
        md.update(buffer, 0, length);
        length = 0;
    }
}
