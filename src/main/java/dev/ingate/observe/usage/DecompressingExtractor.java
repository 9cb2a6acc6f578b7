package dev.ingate.observe.usage;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.compression.ZlibCodecFactory;
import io.netty.handler.codec.compression.ZlibWrapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

/**
 * Reads usage from a gzip- or deflate-encoded response. The client gets the compressed bytes untouched
 * (Ingate never rewrites content-encoding); this inflates a copy on the side, chunk by chunk, for the
 * extractor inside. SDKs ask for gzip, so without this most non-streamed answers would carry no usage.
 */
final class DecompressingExtractor implements UsageExtractor {

    private final UsageExtractor inner;
    private EmbeddedChannel inflater;

    DecompressingExtractor(UsageExtractor inner, ZlibWrapper wrapper) {
        this.inner = inner;
        this.inflater = new EmbeddedChannel(ZlibCodecFactory.newZlibDecoder(wrapper));
    }

    @Override
    public void onChunk(Buffer bytes) {
        if (inflater == null) {
            return;
        }
        try {
            inflater.writeInbound(((BufferInternal) bytes).getByteBuf().retainedDuplicate());
            drain();
        } catch (RuntimeException corrupt) {
            close();
        }
    }

    private void drain() {
        ByteBuf plain;
        while ((plain = inflater.readInbound()) != null) {
            try {
                byte[] copy = new byte[plain.readableBytes()];
                plain.readBytes(copy);
                inner.onChunk(Buffer.buffer(copy));
            } finally {
                plain.release();
            }
        }
    }

    @Override
    public boolean sawFirstToken() {
        return inner.sawFirstToken();
    }

    @Override
    public UsageFacts finish() {
        close();
        return inner.finish();
    }

    private void close() {
        if (inflater != null) {
            try {
                inflater.finishAndReleaseAll();
            } catch (RuntimeException ignored) {
                // a truncated stream: what was inflated so far has been read already
            }
            inflater = null;
        }
    }

    /** The wrapper for a Content-Encoding value, or null when it is not one this can inflate. */
    static ZlibWrapper wrapperFor(String contentEncoding) {
        if (contentEncoding == null) {
            return null;
        }
        return switch (contentEncoding.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "gzip", "x-gzip" -> ZlibWrapper.GZIP;
            case "deflate" -> ZlibWrapper.ZLIB_OR_NONE;
            default -> null;
        };
    }
}
