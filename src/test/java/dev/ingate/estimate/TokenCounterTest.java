package dev.ingate.estimate;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The upper bound the admission checks count first: a text's UTF-8 bytes, never fewer than its tokens. */
class TokenCounterTest {

    private static final List<String> TEXTS = List.of("", "Say hi", "hi 123456789-42", "   \n\n\t  ",
            "Explain the difference between a process and a thread in two sentences, please.",
            "def f(x):\n    return {k: v for k, v in x.items() if v is not None}  # comprehension",
            "日本語のテキストは一文字ごとに複数のトークンになることがあります。", "Ünïcödé façade — naïve café",
            "emoji 😀🎉👍🏽 and flags 🇩🇪🇯🇵", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

    @Test
    void theBoundIsTheUtf8LengthWithoutEncoding() {
        for (String text : TEXTS) {
            assertThat(TokenCounter.UTF8_BYTES.count(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
        assertThat(TokenCounter.utf8Length(null)).isZero();
        assertThat(TokenCounter.utf8Length("a lone \uD800 surrogate")).as("as U+FFFD would be").isEqualTo(17 + 3);
    }

    @Test
    void theBoundIsNeverBelowEitherOpenAiEncoding() {
        for (String text : TEXTS) {
            assertThat(TokenCounter.UTF8_BYTES.count(text)).as(text)
                    .isGreaterThanOrEqualTo(Tokenizer.O200K_BASE.count(text))
                    .isGreaterThanOrEqualTo(Tokenizer.CL100K_BASE.count(text));
        }
    }
}
