package dev.ingate.estimate;

/** Counts the tokens of a text: exactly, with a {@link Tokenizer}, or as a bound that costs almost nothing. */
@FunctionalInterface
interface TokenCounter {

    int count(String text);

    /**
     * Never fewer than the tokens a byte-level BPE (every OpenAI encoding) makes of the text, since each of its
     * tokens covers at least one UTF-8 byte; one pass over the characters, against ~50 ns a character to encode.
     */
    TokenCounter UTF8_BYTES = TokenCounter::utf8Length;

    static int utf8Length(String text) {
        if (text == null) {
            return 0;
        }
        int bytes = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
