package dev.ingate.observe.usage;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.ingate.observe.usage.Feeds.NDJSON;
import static dev.ingate.observe.usage.Feeds.SSE;
import static org.assertj.core.api.Assertions.assertThat;

/** The first-token flag turns true exactly at the first event carrying generated content. */
class FirstTokenTest {

    /** The flag after each event, fed one event per chunk as the relay does. */
    private static List<Boolean> flags(String path, String contentType, String... events) {
        UsageExtractor extractor = UsageExtractors.forResponse(path, contentType);
        List<Boolean> flags = new ArrayList<>();
        for (String event : events) {
            extractor.onChunk(Buffer.buffer(event));
            flags.add(extractor.sawFirstToken());
        }
        assertThat(extractor.finish().sawFirstToken()).isEqualTo(flags.getLast());
        return flags;
    }

    @Test
    void chatRoleChunkAndEmptyContentAreNotTokens() {
        assertThat(flags("/v1/chat/completions", SSE,
                "data: {\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n",
                "data: {\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n",
                "data: [DONE]\n\n"))
                .containsExactly(false, true, true);
    }

    @Test
    void chatToolCallIsAToken() {
        assertThat(flags("/v1/chat/completions", SSE,
                "data: {\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null}}]}\n\n",
                "data: {\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
                        + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}}]}\n\n"))
                .containsExactly(false, true);
    }

    @Test
    void azureFilterResultsChunkIsNotAToken() {
        assertThat(flags("/openai/deployments/gpt-4o/chat/completions", SSE,
                "data: {\"choices\":[],\"created\":0,\"id\":\"\",\"model\":\"\",\"prompt_filter_results\":[{\"prompt_index\":0}]}\n\n",
                "data: {\"choices\":[{\"delta\":{\"content\":\"Hello\"},\"index\":0}],\"id\":\"chatcmpl-1\",\"model\":\"gpt-4o-2024-08-06\"}\n\n"))
                .containsExactly(false, true);
    }

    @Test
    void anthropicContentBlockDelta() {
        assertThat(flags("/v1/messages", SSE,
                "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg\",\"model\":\"claude\",\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}}\n\n",
                "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n",
                "event: ping\ndata: {\"type\": \"ping\"}\n\n",
                "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n"))
                .containsExactly(false, false, false, true);
    }

    @Test
    void responsesOutputTextDelta() {
        assertThat(flags("/v1/responses", SSE,
                "event: response.created\ndata: {\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\",\"model\":\"gpt-4.1\",\"usage\":null}}\n\n",
                "event: response.output_item.added\ndata: {\"type\":\"response.output_item.added\",\"item\":{\"type\":\"message\",\"content\":[]}}\n\n",
                "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"delta\":\"Hi\"}\n\n"))
                .containsExactly(false, false, true);
    }

    @Test
    void ollamaChatChunkWithContent() {
        assertThat(flags("/api/chat", NDJSON,
                "{\"model\":\"llama3.2\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":false}\n",
                "{\"model\":\"llama3.2\",\"message\":{\"role\":\"assistant\",\"content\":\"The\"},\"done\":false}\n"))
                .containsExactly(false, true);
    }

    @Test
    void ollamaGenerateChunkWithResponse() {
        assertThat(flags("/api/generate", NDJSON,
                "{\"model\":\"llama3.2\",\"response\":\"\",\"done\":false}\n",
                "{\"model\":\"llama3.2\",\"response\":\"The\",\"done\":false}\n"))
                .containsExactly(false, true);
    }

    @Test
    void geminiChunkWithText() {
        assertThat(flags("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", SSE,
                "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"\"}],\"role\":\"model\"}}],\"modelVersion\":\"gemini-2.5-flash\"}\r\n\r\n",
                "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"The\"}],\"role\":\"model\"}}],\"modelVersion\":\"gemini-2.5-flash\"}\r\n\r\n"))
                .containsExactly(false, true);
    }

    @Test
    void geminiFunctionCall() {
        assertThat(flags("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", SSE,
                "data: {\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"get_weather\",\"args\":{}}}]}}]}\n\n"))
                .containsExactly(true);
    }

    @Test
    void aNonStreamedBodyHasNoFirstToken() {
        assertThat(flags("/v1/chat/completions", "application/json",
                "{\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"}}]}"))
                .containsExactly(false);
    }
}
