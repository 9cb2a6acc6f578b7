package dev.ingate.observe.record;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * One captured request or response body as it is stored in {@code request_bodies} (see V3__request_bodies.sql):
 * {@code text} is the body itself when {@code encoding} is null, else base64 of its bytes, either because they are not
 * UTF-8 ({@link #BASE64}) or because they are compressed with the named Content-Encoding (gzip, deflate, br, ...).
 *
 * @param truncated the body was longer than the capture limit and {@code text} holds only its start
 */
public record CapturedBody(String text, String encoding, boolean truncated) {

    /** The {@code encoding} of bytes that are not valid UTF-8. */
    public static final String BASE64 = "base64";

    /**
     * The stored form of {@code bytes[0, length)}, captured from a body sent with {@code contentEncoding} (null or
     * "identity" when plain). A plain body cut by the limit may end inside a character: that partial character is
     * dropped, so the start of a long text body still reads as text.
     */
    public static CapturedBody of(byte[] bytes, int length, boolean truncated, String contentEncoding) {
        String coding = codingName(contentEncoding);
        if (coding != null) {
            return new CapturedBody(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, length)), coding, truncated);
        }
        int end = truncated ? Utf8.completeLength(bytes, length) : length;
        String text = Utf8.decodeOrNull(bytes, end);
        // PostgreSQL's TEXT cannot hold a NUL character: such a body is kept whole as base64 rather than altered
        return text != null && text.indexOf('\0') < 0
                ? new CapturedBody(text, null, truncated)
                : new CapturedBody(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, length)), BASE64, truncated);
    }

    /** The content coding's name in lower case, or null for none ("identity" is none). */
    private static String codingName(String contentEncoding) {
        if (contentEncoding == null || contentEncoding.isBlank()) {
            return null;
        }
        String name = contentEncoding.trim().toLowerCase(Locale.ROOT);
        return name.equals("identity") ? null : name;
    }

    /** Strict UTF-8 checks: a body that is not text is stored as base64 rather than with replacement characters. */
    static final class Utf8 {

        private Utf8() {
        }

        /** The text of {@code bytes[0, length)}, or null when they are not well-formed UTF-8. */
        static String decodeOrNull(byte[] bytes, int length) {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                return decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
            } catch (CharacterCodingException e) {
                return null;
            }
        }

        /** {@code length} less a multi-byte character that the cut left incomplete at the end. */
        static int completeLength(byte[] bytes, int length) {
            // walk back over at most three continuation bytes to the lead byte of the last character
            int lead = length - 1;
            while (lead >= 0 && length - lead <= 3 && (bytes[lead] & 0xC0) == 0x80) {
                lead--;
            }
            if (lead < 0) {
                return length;
            }
            int b = bytes[lead] & 0xFF;
            int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return length - lead < needed ? lead : length;
        }
    }
}
