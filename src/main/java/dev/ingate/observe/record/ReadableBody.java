package dev.ingate.observe.record;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * A stored body as people read it: gzip and deflate bodies (kept compressed, as relayed, so capturing them costs the
 * request path no inflater) are inflated here, when someone asks for them, off the event loops. Other bodies are
 * returned as stored; br and zstd stay base64, the JDK cannot inflate them.
 */
final class ReadableBody {

    /** A small compressed body can hide a huge one: what is shown is bounded. */
    static final int MAX_INFLATED_BYTES = 4 * 1024 * 1024;

    private ReadableBody() {
    }

    static CapturedBody of(CapturedBody stored) {
        if (stored == null || stored.encoding() == null || stored.text() == null) {
            return stored;
        }
        boolean gzip = stored.encoding().equals("gzip") || stored.encoding().equals("x-gzip");
        if (!gzip && !stored.encoding().equals("deflate")) {
            return stored;
        }
        byte[] compressed;
        try {
            compressed = Base64.getDecoder().decode(stored.text());
        } catch (IllegalArgumentException e) {
            return stored;
        }
        Inflated inflated = gzip ? inflate(compressed, Wrapper.GZIP) : inflate(compressed, Wrapper.ZLIB);
        if (!gzip && inflated.bytes.length == 0 && inflated.broken) {
            inflated = inflate(compressed, Wrapper.RAW);   // "deflate" in the wild is also sent without the zlib wrapper
        }
        if (inflated.bytes.length == 0 && inflated.broken) {
            return stored;
        }
        boolean truncated = stored.truncated() || inflated.overLimit || inflated.broken;
        return CapturedBody.of(inflated.bytes, inflated.bytes.length, truncated, null);
    }

    private enum Wrapper { GZIP, ZLIB, RAW }

    /** @param broken the stream ended early or was corrupt: the bytes are what came before */
    private record Inflated(byte[] bytes, boolean overLimit, boolean broken) {
    }

    private static Inflated inflate(byte[] compressed, Wrapper wrapper) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(MAX_INFLATED_BYTES, compressed.length * 4 + 64));
        boolean broken = false;
        boolean overLimit = false;
        Inflater inflater = wrapper == Wrapper.RAW ? new Inflater(true) : wrapper == Wrapper.ZLIB ? new Inflater() : null;
        try (InputStream in = inflater == null
                ? new GZIPInputStream(new ByteArrayInputStream(compressed))
                : new InflaterInputStream(new ByteArrayInputStream(compressed), inflater)) {
            byte[] chunk = new byte[8192];
            int n;
            while ((n = in.read(chunk)) > 0) {
                int room = MAX_INFLATED_BYTES - out.size();
                if (n > room) {
                    out.write(chunk, 0, room);
                    overLimit = true;
                    break;
                }
                out.write(chunk, 0, n);
            }
        } catch (IOException e) {
            broken = true;   // a body cut by the capture limit ends mid-stream: what was inflated stands
        } finally {
            if (inflater != null) {
                inflater.end();   // a stream given its inflater does not end it: free the native memory now
            }
        }
        return new Inflated(out.toByteArray(), overLimit, broken);
    }
}
