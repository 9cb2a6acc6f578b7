package dev.ingate.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Rate limits shared through the real Redis on 127.0.0.1:6379 by two Ingates, and what happens without it. */
class SharedRateLimitTest {

    private static final String KEY = "sk-ingate-shared-0123456789abcdefghijklmnopqr";

    private static String config(MockProvider upstream, int rpm) {
        return """
                providers:
                  openai: { base_url: "%s", api_key: "sk-upstream" }
                keys:
                  - { name: shared, key: "%s", rpm: %d }
                """.formatted(upstream.baseUrl(), KEY, rpm);
    }

    @Test
    void twoInstancesOnOneRedisLetExactlyRpmRequestsThroughTogether() throws Exception {
        Map<String, String> env = Map.of("INGATE_REDIS_URL", "redis://127.0.0.1:6379",
                "INGATE_REDIS_PREFIX", "ingate-test-" + UUID.randomUUID() + ":");
        try (MockProvider upstream = MockProvider.openai();
             IngateUnderTest a = IngateUnderTest.start(config(upstream, 7), env, null);
             IngateUnderTest b = IngateUnderTest.start(config(upstream, 7), env, null)) {
            Calls.freshWindow(30);
            List<HttpResponse<String>> responses = concurrently(24, i -> Calls.chat((i % 2 == 0 ? a : b).baseUrl(), KEY, 16));
            long ok = responses.stream().filter(r -> r.statusCode() == 200).count();
            assertThat(ok).isEqualTo(7);
            assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(200, 429));
            assertThat(upstream.requests()).hasSize(7);
            // each instance alone would have let 7 through: both together counted in one place
            assertThat(responses.stream().filter(r -> r.statusCode() == 429)
                    .map(r -> r.headers().firstValue("x-ratelimit-remaining-requests").orElse("?"))).containsOnly("0");
        }
    }

    @Test
    void anUnreachableRedisFallsBackToLimitsInThisInstance() {
        Map<String, String> env = Map.of("INGATE_REDIS_URL", "redis://127.0.0.1:1", "INGATE_REDIS_PREFIX", "unreachable:");
        try (MockProvider upstream = MockProvider.openai(); IngateUnderTest ingate = IngateUnderTest.start(config(upstream, 2), env, null)) {
            Calls.freshWindow(20);
            assertThat(Calls.chat(ingate.baseUrl(), KEY, 16).statusCode()).isEqualTo(200);
            assertThat(Calls.chat(ingate.baseUrl(), KEY, 16).statusCode()).isEqualTo(200);
            HttpResponse<String> third = Calls.chat(ingate.baseUrl(), KEY, 16);
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).isPresent();
        }
    }

    interface Call {
        HttpResponse<String> send(int i);
    }

    static List<HttpResponse<String>> concurrently(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> call.send(index)));
            }
            List<HttpResponse<String>> out = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
