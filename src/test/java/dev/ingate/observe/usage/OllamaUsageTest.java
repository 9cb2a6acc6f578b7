package dev.ingate.observe.usage;

import org.junit.jupiter.api.Test;

import static dev.ingate.observe.usage.Feeds.JSON;
import static dev.ingate.observe.usage.Feeds.NDJSON;
import static dev.ingate.observe.usage.Feeds.everyWay;
import static dev.ingate.observe.usage.Feeds.fixture;
import static dev.ingate.observe.usage.Feeds.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/** Ollama's native API: counts on the final object, NDJSON streams. */
class OllamaUsageTest {

    @Test
    void chatStream() {
        UsageFacts facts = everyWay("/api/chat", NDJSON, fixture("ollama-chat-streaming.ndjson"));

        assertThat(facts).isEqualTo(new UsageFacts(true, "llama3.2", null, 26, 0, 0, 282, 0, true));
    }

    @Test
    void generateStream() {
        UsageFacts facts = everyWay("/api/generate", NDJSON, fixture("ollama-generate-streaming.ndjson"));

        assertThat(facts).isEqualTo(new UsageFacts(true, "llama3.2", null, 26, 0, 0, 259, 0, true));
    }

    @Test
    void chatBodyWithToolCalls() {
        UsageFacts facts = everyWay("/api/chat", JSON, fixture("ollama-chat.json"));

        assertThat(facts).isEqualTo(new UsageFacts(true, "llama3.2", null, 122, 0, 0, 33, 0, false));
    }

    @Test
    void embedHasOnlyInput() {
        UsageFacts facts = everyWay("/api/embed", JSON, fixture("ollama-embed.json"));

        assertThat(facts).isEqualTo(new UsageFacts(true, "all-minilm", null, 8, 0, 0, 0, 0, false));
    }

    @Test
    void loadingAModelReportsNoUsage() {
        String body = "{\"model\":\"llama3.2\",\"created_at\":\"2024-09-12T21:17:29.110811Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                + "\"done_reason\":\"load\",\"done\":true}";

        UsageFacts facts = everyWay("/api/chat", JSON, utf8(body));

        assertThat(facts.found()).isFalse();
        assertThat(facts.model()).isEqualTo("llama3.2");
    }

    @Test
    void anNdjsonStreamSentAsJsonIsStillRead() {
        // some servers stream NDJSON under application/json: the body reader takes value after value
        UsageFacts facts = everyWay("/api/chat", JSON, fixture("ollama-chat-streaming.ndjson"));

        assertThat(facts.inputTokens()).isEqualTo(26);
        assertThat(facts.outputTokens()).isEqualTo(282);
    }

    @Test
    void crlfLinesAndNoFinalNewline() {
        String stream = "{\"model\":\"qwen3\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"Hmm\"},\"done\":false}\r\n"
                + "\r\n"
                + "{\"model\":\"qwen3\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"prompt_eval_count\":11,\"eval_count\":40}";

        UsageFacts facts = everyWay("/api/chat", NDJSON, utf8(stream));

        assertThat(facts).isEqualTo(new UsageFacts(true, "qwen3", null, 11, 0, 0, 40, 0, true));
    }
}
