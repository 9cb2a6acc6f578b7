package dev.ingate.translate.canonical;

/**
 * Thinking signatures are opaque proofs that only the vendor that made them accepts back: Anthropic rejects a
 * Gemini signature and vice versa. A signature therefore travels tagged with its vendor. In the canonical model,
 * Anthropic's are kept as they are and the others carry a prefix ({@code gemini:…}, {@code openai:…}); vendors
 * write signatures in base64, which has no colon, so the tag cannot be mistaken for a signature. A client of one
 * shape receives another vendor's signature tagged, sends it back as it got it, and Ingate gives it only to the
 * vendor it belongs to.
 */
public final class Signatures {

    private static final String ANTHROPIC = "anthropic:";
    private static final String GEMINI = "gemini:";
    private static final String OPENAI = "openai:";

    private Signatures() {
    }

    /** A signature as read from a body of {@code shape}: untagged means that shape's vendor made it. */
    public static String fromWire(Shape shape, String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (value.startsWith(ANTHROPIC)) {
            return value.substring(ANTHROPIC.length());
        }
        if (value.startsWith(GEMINI) || value.startsWith(OPENAI)) {
            return value;
        }
        String tag = tag(shape);
        return tag == null ? "" : tag + value;
    }

    /** What an upstream of {@code shape} may receive: its own signature, untagged, or nothing at all. */
    public static String forUpstream(Shape shape, String canonical) {
        return owner(canonical) == shape ? untagged(canonical) : "";
    }

    /** What a client of {@code shape} receives: its vendor's own signature untagged, any other tagged. */
    public static String forClient(Shape shape, String canonical) {
        if (canonical == null || canonical.isEmpty()) {
            return "";
        }
        Shape owner = owner(canonical);
        if (owner == shape) {
            return untagged(canonical);
        }
        return owner == Shape.ANTHROPIC_MESSAGES ? ANTHROPIC + canonical : canonical;
    }

    private static Shape owner(String canonical) {
        if (canonical == null || canonical.isEmpty()) {
            return null;
        }
        if (canonical.startsWith(GEMINI)) {
            return Shape.GEMINI;
        }
        if (canonical.startsWith(OPENAI)) {
            return Shape.OPENAI_RESPONSES;
        }
        return Shape.ANTHROPIC_MESSAGES;
    }

    private static String untagged(String canonical) {
        int colon = canonical.indexOf(':');
        return colon < 0 || owner(canonical) == Shape.ANTHROPIC_MESSAGES ? canonical : canonical.substring(colon + 1);
    }

    private static String tag(Shape shape) {
        return switch (shape) {
            case ANTHROPIC_MESSAGES -> "";
            case GEMINI -> GEMINI;
            case OPENAI_RESPONSES -> OPENAI;
            case OPENAI_CHAT, OLLAMA_CHAT -> null;   // these shapes have no signatures: a value here is noise
        };
    }
}
