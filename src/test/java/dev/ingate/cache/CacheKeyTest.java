package dev.ingate.cache;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What the key normalizes away, and what it keeps. */
class CacheKeyTest {

    private static final CacheKey.Target TARGET = new CacheKey.Target("key:a", "/v1/chat/completions", "openai", "gpt-4o");

    private static String key(String json) {
        return key(TARGET, json);
    }

    private static String key(CacheKey.Target target, String json) {
        return CacheKey.of(target, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keyOrderWhitespaceAndNumberSpellingDoNotMatter() {
        assertThat(key("{\"a\":1,\"b\":{\"x\":0.5,\"y\":[1,2]}}"))
                .isEqualTo(key(" { \"b\" : { \"y\":[1, 2], \"x\":5e-1 }, \"a\":1.0 } "))
                .hasSize(64);
    }

    @Test
    void whoAsksIsNotPartOfTheBodysKey() {
        assertThat(key("{\"model\":\"m\",\"user\":\"alice\",\"metadata\":{\"user_id\":\"x\"}}")).isEqualTo(key("{\"model\":\"m\"}"));
        assertThat(key("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"foo\":1}}")).isEqualTo(key("{\"model\":\"m\",\"stream\":true}"));
    }

    @Test
    void whatChangesTheAnswerIsPartOfIt() {
        String base = key("{\"model\":\"m\",\"stream\":true}");
        assertThat(key("{\"model\":\"m\"}")).isNotEqualTo(base);
        assertThat(key("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}")).isNotEqualTo(base);
        assertThat(key("{\"model\":\"m\",\"stream\":true,\"ingate\":{\"ext\":{\"openai\":{\"seed\":1}}}}")).isNotEqualTo(base);
        assertThat(key("{\"model\":\"m\",\"stream\":true,\"nested\":{\"user\":\"alice\"}}"))
                .isNotEqualTo(key("{\"model\":\"m\",\"stream\":true,\"nested\":{\"user\":\"bob\"}}"));   // only top-level fields are dropped
        assertThat(key("[\"ab\",\"c\"]")).isNotEqualTo(key("[\"a\",\"bc\"]"));
        assertThat(key("{\"a\":\"1\"}")).isNotEqualTo(key("{\"a\":1}"));
    }

    @Test
    void theReaderAndTheTargetArePartOfIt() {
        String body = "{\"model\":\"m\"}";
        assertThat(key(new CacheKey.Target("key:b", "/v1/chat/completions", "openai", "gpt-4o"), body)).isNotEqualTo(key(body));
        assertThat(key(new CacheKey.Target("key:a", "/v1/messages", "openai", "gpt-4o"), body)).isNotEqualTo(key(body));
        assertThat(key(new CacheKey.Target("key:a", "/v1/chat/completions", "azure", "gpt-4o"), body)).isNotEqualTo(key(body));
        assertThat(key(new CacheKey.Target("key:a", "/v1/chat/completions", "openai", "gpt-4o-mini"), body)).isNotEqualTo(key(body));
    }

    @Test
    void longBodiesKeyByEveryCharacter() {
        String text = "x".repeat(30_000);   // several times the digest's buffer
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
        assertThat(key(body)).isEqualTo(key(" " + body.replace("\"model\":\"m\",", "") .replace("]}", "],\"model\":\"m\"}")));
        assertThat(key(body)).isNotEqualTo(key(body.replace(text, text.substring(1) + "y")));
    }

    @Test
    void aBodyThatIsNotJsonHasNoKey() {
        assertThat(key("{not json")).isNull();
        assertThat(key("")).isNull();
    }
}
