package dev.ingate.observe.usage;

import org.junit.jupiter.api.Test;

import static dev.ingate.observe.usage.Feeds.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/** Content-only events are not parsed once the model and the first token are known: a byte search decides. */
class MarkerGateTest {

    private static boolean worth(ShapeReader reader, UsageTally soFar, String event) {
        byte[] bytes = utf8(event);
        return reader.worthParsing(bytes, 0, bytes.length, soFar);
    }

    private static UsageTally knowing(boolean model, boolean firstToken) {
        UsageTally tally = new UsageTally();
        tally.model(model ? "m" : null);
        tally.firstToken = firstToken;
        return tally;
    }

    @Test
    void openAiContentChunksAreSkippedOnceModelAndFirstTokenAreKnown() {
        String content = "{\"model\":\"m\",\"choices\":[{\"delta\":{\"content\":\" usage\"}}],\"usage\":null}";
        String usage = "{\"model\":\"m\",\"choices\":[],\"usage\" : {\"prompt_tokens\":1}}";

        assertThat(worth(OpenAiReader.INSTANCE, knowing(true, true), content)).isFalse();
        assertThat(worth(OpenAiReader.INSTANCE, knowing(true, true), usage)).isTrue();
        assertThat(worth(OpenAiReader.INSTANCE, knowing(true, false), content)).as("still looking for the first token").isTrue();
        assertThat(worth(OpenAiReader.INSTANCE, knowing(false, true), content)).as("still looking for the model").isTrue();
    }

    @Test
    void quotedUsageInsideContentIsNotAMarker() {
        String content = "{\"type\":\"content_block_delta\",\"delta\":{\"text\":\"{\\\"usage\\\":{\\\"input_tokens\\\":5}}\"}}";

        assertThat(worth(AnthropicReader.INSTANCE, knowing(true, true), content)).isFalse();
        assertThat(worth(AnthropicReader.INSTANCE, knowing(true, true), "{\"type\":\"message_delta\",\"usage\":{\"output_tokens\":9}}")).isTrue();
    }

    @Test
    void responsesCreatedWithNullUsageIsSkippedButCompletedIsNot() {
        UsageTally soFar = knowing(true, true);

        assertThat(worth(ResponsesReader.INSTANCE, soFar, "{\"type\":\"response.output_text.delta\",\"delta\":\"x\"}")).isFalse();
        assertThat(worth(ResponsesReader.INSTANCE, soFar, "{\"type\":\"response.created\",\"response\":{\"usage\":null}}")).isFalse();
        assertThat(worth(ResponsesReader.INSTANCE, soFar, "{\"type\":\"response.completed\",\"response\":{\"usage\":{\"input_tokens\":1}}}")).isTrue();
    }

    @Test
    void ollamaOnlyTheFinalLineCounts() {
        UsageTally soFar = knowing(true, true);

        assertThat(worth(OllamaReader.INSTANCE, soFar, "{\"model\":\"m\",\"message\":{\"content\":\"x\"},\"done\":false}")).isFalse();
        assertThat(worth(OllamaReader.INSTANCE, soFar, "{\"model\":\"m\",\"done\":true,\"prompt_eval_count\":3,\"eval_count\":4}")).isTrue();
    }

    @Test
    void objectAfterLooksPastEarlierNonObjectOccurrences() {
        byte[] bytes = utf8("{\"usage\":null,\"x\":{\"usage\":\t{}}}");
        byte[] marker = Bytes.ascii("\"usage\"");

        assertThat(Bytes.objectAfter(bytes, 0, bytes.length, marker)).isTrue();
        assertThat(Bytes.objectAfter(bytes, 0, 14, marker)).isFalse();
    }
}
