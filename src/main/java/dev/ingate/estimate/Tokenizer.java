package dev.ingate.estimate;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

import java.util.Locale;

/**
 * How text becomes tokens for a model: OpenAI's own BPE encodings through jtokkit, or, for every
 * other model, a chars/4 guess (other vendors' tokenizers are not public or not in Java; about four
 * characters a token is the usual rule of thumb for English text).
 *
 * <p>An encoding's tables are loaded at its first use, which takes 75 ms (cl100k) to 225 ms (o200k):
 * until {@link #loaded()} says so, callers must count on a worker thread, never on an event loop.
 */
public enum Tokenizer implements TokenCounter {
    O200K_BASE("o200k_base"),
    CL100K_BASE("cl100k_base"),
    ESTIMATE("estimate");

    private final String wireName;

    Tokenizer(String wireName) {
        this.wireName = wireName;
    }

    /** The name the estimate answer uses. */
    public String wireName() {
        return wireName;
    }

    /**
     * Bodies up to this size may be counted on an event loop once {@link #loaded()}. Counting takes about 50 ns a
     * character (measured on o200k), so 1 KB is some 50 µs: about what a hand-over to a worker costs.
     */
    public static final int INLINE_BYTES = 1024;

    /** Whether a body of {@code bytes} can be counted on an event loop: small, and its encoding already loaded. */
    public boolean countsInline(int bytes) {
        return bytes <= INLINE_BYTES && loaded();
    }

    /** Whether counting needs no more loading (the first count of an encoding loads its tables). */
    public boolean loaded() {
        return switch (this) {
            case O200K_BASE -> o200kLoaded;
            case CL100K_BASE -> cl100kLoaded;
            case ESTIMATE -> true;
        };
    }

    /** Tokens in {@code text}; special-token markers such as {@code <|endoftext|>} count as plain text. */
    @Override
    public int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return switch (this) {
            case O200K_BASE -> O200k.ENCODING.countTokensOrdinary(text);
            case CL100K_BASE -> Cl100k.ENCODING.countTokensOrdinary(text);
            case ESTIMATE -> (text.length() + 3) / 4;
        };
    }

    /**
     * The encoding OpenAI uses for {@code model}; a vendor prefix ({@code openai/gpt-4o}, as routers
     * name models) is ignored. Models of other vendors get {@link #ESTIMATE}.
     */
    public static Tokenizer forModel(String model) {
        if (model == null) {
            return ESTIMATE;
        }
        String m = model.substring(model.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (m.startsWith("gpt-4o") || m.startsWith("gpt-4.1") || m.startsWith("gpt-5")
                || isFamily(m, "o1") || isFamily(m, "o3") || isFamily(m, "o4")) {
            return O200K_BASE;
        }
        if (m.startsWith("gpt-4") || m.startsWith("gpt-3.5")) {
            return CL100K_BASE;
        }
        return ESTIMATE;
    }

    /** {@code o1}, {@code o1-mini}, {@code o3-2025-04-16}: the family name alone or followed by a dash. */
    private static boolean isFamily(String model, String family) {
        return model.startsWith(family) && (model.length() == family.length() || model.charAt(family.length()) == '-');
    }

    // Set once a holder below has finished loading, read without touching the holder (which would load it).
    private static volatile boolean o200kLoaded;
    private static volatile boolean cl100kLoaded;

    // One holder class per encoding: the JVM loads each at its first use, once, even under concurrent first calls.
    private static final class O200k {
        static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

        static {
            o200kLoaded = true;
        }
    }

    private static final class Cl100k {
        static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

        static {
            cl100kLoaded = true;
        }
    }
}
