package dev.ingate.observe.usage;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The factory: shape from the path, framing from the content type. */
class UsageExtractorsTest {

    @Test
    void shapeFollowsThePath() {
        assertThat(UsageExtractors.readerFor("/v1/chat/completions")).isSameAs(OpenAiReader.INSTANCE);
        assertThat(UsageExtractors.readerFor("/v1/completions")).isSameAs(OpenAiReader.INSTANCE);
        assertThat(UsageExtractors.readerFor("/v1/embeddings")).isSameAs(OpenAiReader.INSTANCE);
        assertThat(UsageExtractors.readerFor("/v1/chat/completions/")).isSameAs(OpenAiReader.INSTANCE);
        assertThat(UsageExtractors.readerFor("/v1/responses")).isSameAs(ResponsesReader.INSTANCE);
        assertThat(UsageExtractors.readerFor("/v1/messages")).isSameAs(AnthropicReader.INSTANCE);
        assertThat(UsageExtractors.readerFor("/api/chat")).isSameAs(OllamaReader.INSTANCE);
        assertThat(UsageExtractors.readerFor("/api/generate")).isSameAs(OllamaReader.INSTANCE);
        assertThat(UsageExtractors.readerFor("/api/embed")).isSameAs(OllamaReader.INSTANCE);
        assertThat(UsageExtractors.readerFor("/v1beta/models/gemini-2.5-pro:generateContent")).isSameAs(GeminiReader.INSTANCE);
        assertThat(UsageExtractors.readerFor("/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse")).isSameAs(GeminiReader.INSTANCE);
    }

    @Test
    void pathsWithoutUsageGetNothing() {
        assertThat(UsageExtractors.readerFor("/v1/models")).isNull();
        assertThat(UsageExtractors.readerFor("/v1/messages/count_tokens")).isNull();
        assertThat(UsageExtractors.readerFor("/v1/threads/t1/messages")).isNull();
        assertThat(UsageExtractors.readerFor("/v1/responses/resp_1/input_items")).isNull();
        assertThat(UsageExtractors.readerFor("/api/tags")).isNull();
        assertThat(UsageExtractors.readerFor("/v1beta/models/gemini-2.5-pro:countTokens")).isNull();
        assertThat(UsageExtractors.readerFor("")).isNull();
        assertThat(UsageExtractors.readerFor(null)).isNull();
        assertThat(UsageExtractors.forResponse("/v1/models", "application/json")).isSameAs(UsageExtractors.none());
    }

    @Test
    void framingFollowsTheContentType() {
        assertThat(UsageExtractors.forResponse("/v1/chat/completions", "text/event-stream; charset=utf-8")).isInstanceOf(StreamExtractor.class);
        assertThat(UsageExtractors.forResponse("/api/chat", "application/x-ndjson")).isInstanceOf(StreamExtractor.class);
        assertThat(UsageExtractors.forResponse("/api/chat", "application/json; charset=utf-8")).isInstanceOf(BodyExtractor.class);
        assertThat(UsageExtractors.forResponse("/v1/messages", null)).isInstanceOf(BodyExtractor.class);
    }

    @Test
    void nothingFindsNothing() {
        UsageExtractor none = UsageExtractors.none();
        none.onChunk(Buffer.buffer("{\"usage\":{\"prompt_tokens\":1}}"));

        assertThat(none.sawFirstToken()).isFalse();
        assertThat(none.finish()).isEqualTo(UsageFacts.NONE);
    }

    @Test
    void normalisedViewsNeverGoNegative() {
        UsageFacts odd = new UsageFacts(true, "m", null, 10, 30, 0, 5, 9, false);

        assertThat(odd.uncachedInputTokens()).isZero();
        assertThat(odd.visibleOutputTokens()).isZero();
        assertThat(odd.totalTokens()).isEqualTo(15);
    }
}
