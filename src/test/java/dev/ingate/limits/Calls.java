package dev.ingate.limits;

import dev.ingate.testkit.HttpCalls;

import java.net.http.HttpResponse;
import java.time.Instant;

/** Chat requests through a gateway under test, and waiting for a rate window with room to finish a test in. */
final class Calls {

    static final String CHAT = "{\"model\":\"gpt-5-nano\",\"max_tokens\":%d,\"messages\":[{\"role\":\"user\",\"content\":\"Say hi\"}]}";

    private Calls() {
    }

    static HttpResponse<String> chat(String baseUrl, String key, int maxTokens) {
        return HttpCalls.send(HttpCalls.postJson(baseUrl, "/v1/chat/completions", CHAT.formatted(maxTokens))
                .header("Authorization", "Bearer " + key));
    }

    static HttpResponse<String> anthropic(String baseUrl, String key) {
        return HttpCalls.send(HttpCalls.postJson(baseUrl, "/v1/messages",
                        "{\"model\":\"claude-3-5-haiku-latest\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"Say hi\"}]}")
                .header("x-api-key", key));
    }

    /** Input tokens Ingate estimates for {@link #CHAT}, from its own estimate endpoint. */
    static long estimatedInput(String baseUrl, String key) {
        HttpResponse<String> r = HttpCalls.send(HttpCalls.postJson(baseUrl, "/v1/estimate", CHAT.formatted(1))
                .header("Authorization", "Bearer " + key).header("X-Ingate-Provider", "openai"));
        if (r.statusCode() != 200) {
            throw new AssertionError("estimate: " + r.statusCode() + " " + r.body());
        }
        return HttpCalls.json(r).get("input_tokens").asLong();
    }

    /**
     * Windows are fixed minutes: a test that counts within one waits, when the minute is nearly over, for the next
     * one, so its requests all land in one window.
     */
    static void freshWindow(int secondsNeeded) {
        long millisLeft = 60_000 - Instant.now().toEpochMilli() % 60_000;
        if (millisLeft < secondsNeeded * 1000L) {
            try {
                Thread.sleep(millisLeft + 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
