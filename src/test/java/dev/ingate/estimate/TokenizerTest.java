package dev.ingate.estimate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerTest {

    // Expected counts computed once with jtokkit 1.1.0 itself (they match tiktoken's), then hard-coded.
    @Test
    void countsWithOpenAisEncodings() {
        assertThat(Tokenizer.O200K_BASE.count("Hello, world!")).isEqualTo(4);
        assertThat(Tokenizer.CL100K_BASE.count("Hello, world!")).isEqualTo(4);
        assertThat(Tokenizer.O200K_BASE.count("The quick brown fox jumps over the lazy dog.")).isEqualTo(10);
        // the encodings differ on emoji and CJK text
        assertThat(Tokenizer.O200K_BASE.count("tokenization is fun 🙂 日本語")).isEqualTo(7);
        assertThat(Tokenizer.CL100K_BASE.count("tokenization is fun 🙂 日本語")).isEqualTo(9);
    }

    @Test
    void specialTokenMarkersAreCountedAsText() {
        assertThat(Tokenizer.O200K_BASE.count("<|endoftext|>")).isEqualTo(7);
    }

    @Test
    void otherModelsGetFourCharactersATokenRoundedUp() {
        assertThat(Tokenizer.ESTIMATE.count("Hello, world!")).isEqualTo(4);   // 13 chars
        assertThat(Tokenizer.ESTIMATE.count("abcd")).isEqualTo(1);
        assertThat(Tokenizer.ESTIMATE.count("")).isZero();
        assertThat(Tokenizer.ESTIMATE.count(null)).isZero();
    }

    @Test
    void picksTheEncodingByModelFamily() {
        for (String model : new String[] {"gpt-4o", "gpt-4o-mini-2024-07-18", "GPT-4.1-nano", "gpt-5", "gpt-5-mini",
                "o1", "o1-mini", "o3-2025-04-16", "o4-mini", "openai/gpt-4o"}) {
            assertThat(Tokenizer.forModel(model)).as(model).isEqualTo(Tokenizer.O200K_BASE);
        }
        for (String model : new String[] {"gpt-4", "gpt-4-turbo", "gpt-4-0613", "gpt-3.5-turbo", "gpt-3.5-turbo-instruct"}) {
            assertThat(Tokenizer.forModel(model)).as(model).isEqualTo(Tokenizer.CL100K_BASE);
        }
        for (String model : new String[] {"claude-sonnet-4-5", "gemini-2.5-pro", "llama3", "o100", "omni", "", "text-davinci-003"}) {
            assertThat(Tokenizer.forModel(model)).as(model).isEqualTo(Tokenizer.ESTIMATE);
        }
        assertThat(Tokenizer.forModel(null)).isEqualTo(Tokenizer.ESTIMATE);
    }

    @Test
    void wireNames() {
        assertThat(Tokenizer.O200K_BASE.wireName()).isEqualTo("o200k_base");
        assertThat(Tokenizer.CL100K_BASE.wireName()).isEqualTo("cl100k_base");
        assertThat(Tokenizer.ESTIMATE.wireName()).isEqualTo("estimate");
    }

    @Test
    void aTextIsCountedOnALoopOnlyOnceItsEncodingIsLoadedAndWhenItIsSmall() {
        assertThat(Tokenizer.ESTIMATE.countsInline(100)).isTrue();
        Tokenizer.CL100K_BASE.count("warm the tables");
        assertThat(Tokenizer.CL100K_BASE.loaded()).isTrue();
        assertThat(Tokenizer.CL100K_BASE.countsInline(Tokenizer.INLINE_BYTES)).isTrue();
        assertThat(Tokenizer.CL100K_BASE.countsInline(Tokenizer.INLINE_BYTES + 1)).isFalse();
    }
}
