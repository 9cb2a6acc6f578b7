package dev.ingate.observe.usage;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

import java.nio.charset.StandardCharsets;

/** Byte-level helpers: a chunk's bytes without a copy, and marker searches that cost no parsing. */
final class Bytes {

    private Bytes() {
    }

    /** A window on a byte array. */
    record Span(byte[] array, int from, int to) {
    }

    /**
     * The buffer's bytes: its own backing array when it has one (Vert.x hands heap buffers to handlers, so
     * normally no copy is made), else a copy of this chunk only.
     */
    static Span of(Buffer buffer) {
        if (buffer instanceof BufferInternal internal) {
            ByteBuf bytes = internal.getByteBuf();
            if (bytes.hasArray()) {
                int from = bytes.arrayOffset() + bytes.readerIndex();
                return new Span(bytes.array(), from, from + bytes.readableBytes());
            }
        }
        byte[] copy = buffer.getBytes();
        return new Span(copy, 0, copy.length);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Index of the first occurrence of {@code marker} in {@code bytes[from, to)}, or -1. */
    static int indexOf(byte[] bytes, int from, int to, byte[] marker) {
        byte first = marker[0];
        int last = to - marker.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (bytes[i] != first) {
                continue;
            }
            for (int j = 1; j < marker.length; j++) {
                if (bytes[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static boolean contains(byte[] bytes, int from, int to, byte[] marker) {
        return indexOf(bytes, from, to, marker) >= 0;
    }

    /**
     * Whether {@code marker} (a quoted property name) appears with an object as its value: {@code "usage":{}}
     * counts, {@code "usage":null} (in every OpenAI chunk of some streams) does not.
     */
    static boolean objectAfter(byte[] bytes, int from, int to, byte[] marker) {
        int at = indexOf(bytes, from, to, marker);
        while (at >= 0) {
            int i = skipSpaces(bytes, at + marker.length, to);
            if (i < to && bytes[i] == ':') {
                i = skipSpaces(bytes, i + 1, to);
                if (i < to && bytes[i] == '{') {
                    return true;
                }
            }
            at = indexOf(bytes, at + marker.length, to, marker);
        }
        return false;
    }

    static int skipSpaces(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        return i;
    }
}
