package dev.ingate.cache;

import dev.ingate.observe.usage.UsageFacts;
import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;

/**
 * A {@link CachedAnswer} as one binary-safe Redis value: a small header (version, content type, provider, usage)
 * then the body's bytes as they are. A value of another version or a damaged one decodes to null: a miss.
 */
final class AnswerCodec {

    private static final byte VERSION = 1;

    private AnswerCodec() {
    }

    static Buffer encode(CachedAnswer a) {
        UsageFacts u = a.usage();
        Buffer out = Buffer.buffer(a.body().length + 256);
        out.appendByte(VERSION);
        string(out, a.contentType());
        string(out, a.servedBy());
        string(out, a.servedShape());
        out.appendByte((byte) ((u.found() ? 1 : 0) | (u.sawFirstToken() ? 2 : 0)));
        string(out, u.model());
        string(out, u.responseId());
        out.appendLong(u.inputTokens()).appendLong(u.cachedInputTokens()).appendLong(u.cacheCreationTokens())
                .appendLong(u.outputTokens()).appendLong(u.reasoningTokens());
        out.appendInt(a.body().length).appendBytes(a.body());
        return out;
    }

    /** Null when the value is not an answer this version wrote. */
    static CachedAnswer decode(Buffer in) {
        try {
            Reader r = new Reader(in);
            if (in.getByte(r.at++) != VERSION) {
                return null;
            }
            String contentType = r.string();
            String servedBy = r.string();
            String servedShape = r.string();
            byte flags = in.getByte(r.at++);
            String model = r.string();
            String responseId = r.string();
            UsageFacts usage = new UsageFacts((flags & 1) != 0, model, responseId, r.number(), r.number(), r.number(),
                    r.number(), r.number(), (flags & 2) != 0);
            int length = in.getInt(r.at);
            r.at += 4;
            if (length < 0 || r.at + length != in.length()) {
                return null;
            }
            return new CachedAnswer(contentType, in.getBytes(r.at, r.at + length), servedBy, servedShape, usage);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return null;
        }
    }

    private static void string(Buffer out, String s) {
        if (s == null) {
            out.appendInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.appendInt(bytes.length).appendBytes(bytes);
    }

    private static final class Reader {
        private final Buffer in;
        private int at;

        Reader(Buffer in) {
            this.in = in;
        }

        String string() {
            int length = in.getInt(at);
            at += 4;
            if (length < 0) {
                return null;
            }
            String s = in.getString(at, at + length, "UTF-8");
            at += length;
            return s;
        }

        long number() {
            long value = in.getLong(at);
            at += 8;
            return value;
        }
    }
}
