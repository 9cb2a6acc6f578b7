package dev.ingate.cache;

import dev.ingate.testkit.Poll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static dev.ingate.cache.CacheFixture.cache;
import static org.assertj.core.api.Assertions.assertThat;

/** With the cache off in the config, a request turns it on for itself with X-Ingate-Cache-Ttl; the entry then expires. */
class CacheTtlTest {

    private static CacheFixture fx;

    @BeforeAll
    static void start() {
        fx = new CacheFixture("cache: { enabled: false, scope: global }");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static String chat() {
        return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + UUID.randomUUID() + "\"}]}";
    }

    @Test
    void withoutTheHeaderTheCacheIsNotInPlay() {
        String body = chat();
        HttpResponse<String> first = fx.post("/v1/chat/completions", body);
        HttpResponse<String> second = fx.post("/v1/chat/completions", body);
        assertThat(cache(first)).isNull();
        assertThat(cache(second)).isNull();
        assertThat(fx.record(second).get("cache").isNull()).isTrue();
    }

    @Test
    void theTtlHeaderCachesForThatLongThenTheEntryExpires() {
        String body = chat();
        int before = fx.openai.requests().size();
        HttpResponse<String> first = fx.post("/v1/chat/completions", body, "X-Ingate-Cache-Ttl", "1");
        HttpResponse<String> second = fx.post("/v1/chat/completions", body, "X-Ingate-Cache-Ttl", "1");
        assertThat(cache(first)).isEqualTo("MISS");
        assertThat(cache(second)).isEqualTo("HIT");
        assertThat(fx.openai.requests().size() - before).isEqualTo(1);
        // a request without the header does not look the entry up: the cache is off for it
        assertThat(cache(fx.post("/v1/chat/completions", body))).isNull();
        Poll.until("the entry expires", Duration.ofSeconds(10),
                () -> cache(fx.post("/v1/chat/completions", body, "X-Ingate-Cache-Ttl", "1")), "MISS"::equals);
    }

    @Test
    void anInvalidTtlIsIgnored() {
        assertThat(cache(fx.post("/v1/chat/completions", chat(), "X-Ingate-Cache-Ttl", "soon"))).isNull();
        assertThat(cache(fx.post("/v1/chat/completions", chat(), "X-Ingate-Cache-Ttl", "0"))).isNull();
    }

    @Test
    void withScopeGlobalEveryKeyReadsTheSameAnswers() {
        String body = chat();
        assertThat(cache(fx.post("/v1/chat/completions", body, "X-Ingate-Cache-Ttl", "60"))).isEqualTo("MISS");
        assertThat(cache(fx.post("/v1/chat/completions", body, "X-Ingate-Cache-Ttl", "60",
                "Authorization", "Bearer " + CacheFixture.OTHER_KEY))).isEqualTo("HIT");
    }

    @Test
    void aLargeBodyIsKeyedOffTheEventLoopAndStillHits() {
        String body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + UUID.randomUUID() + "x".repeat(400_000) + "\"}]}";
        assertThat(body.length()).isGreaterThan(CacheInterceptor.OFF_LOOP_BYTES);
        assertThat(cache(fx.post("/v1/chat/completions", body, "X-Ingate-Cache-Ttl", "60"))).isEqualTo("MISS");
        assertThat(cache(fx.post("/v1/chat/completions", body, "X-Ingate-Cache-Ttl", "60"))).isEqualTo("HIT");
    }
}
