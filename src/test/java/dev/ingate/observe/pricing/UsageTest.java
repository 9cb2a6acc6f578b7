package dev.ingate.observe.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UsageTest {

    @Test
    void openAiPromptIncludesCachedTokens() {
        Usage u = Usage.fromOpenAi(1000, 800, 50, 20);
        assertThat(u.inputTokens()).isEqualTo(200);
        assertThat(u.cachedInputTokens()).isEqualTo(800);
        assertThat(u.outputTokens()).isEqualTo(50);
        assertThat(u.reasoningTokens()).isEqualTo(20);
        assertThat(u.totalInputTokens()).isEqualTo(1000);
    }

    @Test
    void anthropicInputExcludesCacheReadsAndWrites() {
        Usage u = Usage.fromAnthropic(200, 800, 300, 50);
        assertThat(u.inputTokens()).isEqualTo(200);
        assertThat(u.cachedInputTokens()).isEqualTo(800);
        assertThat(u.cacheWriteTokens()).isEqualTo(300);
        assertThat(u.totalInputTokens()).isEqualTo(1300);
    }

    @Test
    void sameRequestReportedBothWaysNormalisesTheSame() {
        assertThat(Usage.fromOpenAi(1000, 800, 50, 0)).isEqualTo(Usage.fromAnthropic(200, 800, 0, 50));
        assertThat(Usage.fromInclusive(1300, 800, 300, 50, 0)).isEqualTo(Usage.fromAnthropic(200, 800, 300, 50));
        assertThat(Usage.fromBedrock(200, 800, 300, 50)).isEqualTo(Usage.fromAnthropic(200, 800, 300, 50));
    }

    @Test
    void geminiAddsToolPromptAndThoughts() {
        Usage u = Usage.fromGemini(1000, 600, 40, 60, 100);
        assertThat(u.inputTokens()).isEqualTo(500); // 1000 + 100 tool-use prompt − 600 cached
        assertThat(u.cachedInputTokens()).isEqualTo(600);
        assertThat(u.outputTokens()).isEqualTo(100); // candidates + thoughts
        assertThat(u.reasoningTokens()).isEqualTo(60);
    }

    @Test
    void inconsistentProviderCountsAreClampedNotNegative() {
        Usage u = Usage.fromOpenAi(100, 150, -3, 10);
        assertThat(u.inputTokens()).isZero();
        assertThat(u.cachedInputTokens()).isEqualTo(150);
        assertThat(u.outputTokens()).isZero();
        assertThat(u.reasoningTokens()).isZero(); // reasoning is part of output, never more
        assertThatThrownBy(() -> new Usage(-1, 0, 0, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void audioIsAPartOfItsBucket() {
        // 1000 prompt of which 800 cached; 300 audio in the prompt, 100 of it cached; 40 of 50 output are audio
        Usage u = Usage.fromOpenAi(1000, 800, 50, 0).withAudio(300, 100, 40);
        assertThat(u.inputAudioTokens()).isEqualTo(200);
        assertThat(u.cachedAudioTokens()).isEqualTo(100);
        assertThat(u.outputAudioTokens()).isEqualTo(40);
        assertThat(u.totalInputTokens()).isEqualTo(1000);
        Usage capped = Usage.of(10, 5).withAudio(50, 0, 99);
        assertThat(capped.inputAudioTokens()).isEqualTo(10);
        assertThat(capped.outputAudioTokens()).isEqualTo(5);
    }

    @Test
    void usagesAdd() {
        assertThat(Usage.fromAnthropic(1, 2, 3, 4).plus(Usage.fromAnthropic(10, 20, 30, 40)))
                .isEqualTo(Usage.fromAnthropic(11, 22, 33, 44));
    }
}
