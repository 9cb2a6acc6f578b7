package dev.ingate.observe.trace;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GenAiOperationTest {

    @Test
    void generativePathsMapToTheConventionsOperations() {
        assertThat(GenAiOperation.of("POST", "/v1/chat/completions")).isEqualTo("chat");
        assertThat(GenAiOperation.of("POST", "/openai/deployments/gpt-4o/chat/completions")).isEqualTo("chat");
        assertThat(GenAiOperation.of("POST", "/v1/messages")).isEqualTo("chat");
        assertThat(GenAiOperation.of("POST", "/v1/responses")).isEqualTo("chat");
        assertThat(GenAiOperation.of("POST", "/api/chat")).isEqualTo("chat");
        assertThat(GenAiOperation.of("POST", "/model/anthropic.claude-3/converse-stream")).isEqualTo("chat");
        assertThat(GenAiOperation.of("POST", "/v1/completions")).isEqualTo("text_completion");
        assertThat(GenAiOperation.of("POST", "/api/generate")).isEqualTo("text_completion");
        assertThat(GenAiOperation.of("POST", "/v1/embeddings")).isEqualTo("embeddings");
        assertThat(GenAiOperation.of("POST", "/api/embed")).isEqualTo("embeddings");
        assertThat(GenAiOperation.of("POST", "/v1beta/models/text-embedding-004:embedContent")).isEqualTo("embeddings");
        assertThat(GenAiOperation.of("POST", "/v1beta/models/gemini-2.5-flash:generateContent")).isEqualTo("generate_content");
        assertThat(GenAiOperation.of("POST", "/v1beta/models/gemini-2.5-flash:streamGenerateContent")).isEqualTo("generate_content");
    }

    @Test
    void everythingElseIsNoGenAiOperation() {
        assertThat(GenAiOperation.of("GET", "/v1/models")).isNull();
        assertThat(GenAiOperation.of("GET", "/v1/chat/completions")).isNull();
        assertThat(GenAiOperation.of("POST", "/v1/messages/count_tokens")).isNull();
        assertThat(GenAiOperation.of("POST", "/v1/threads/t1/messages")).isNull();
        assertThat(GenAiOperation.of("POST", "/v1/unknown")).isNull();
        assertThat(GenAiOperation.of("POST", null)).isNull();
    }

    @Test
    void spanNamesFollowTheConventions() {
        assertThat(ExchangeSpans.spanName("chat", "gpt-4o", "POST")).isEqualTo("chat gpt-4o");
        assertThat(ExchangeSpans.spanName("chat", null, "POST")).isEqualTo("chat");
        assertThat(ExchangeSpans.spanName(null, "gpt-4o", "GET")).isEqualTo("GET");
    }
}
