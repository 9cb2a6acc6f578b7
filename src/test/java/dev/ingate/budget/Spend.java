package dev.ingate.budget;

import dev.ingate.testkit.HttpCalls;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.Poll;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Requests that spend, and what the gateway recorded as spent, for budget tests. */
final class Spend {

    static final String ADMIN_TOKEN = "admin-token-for-budget-tests";
    /** The mock's canned answer (gpt-5-nano, 8 in, 377 out) costs about 0.00015 USD; the estimate at 400 out a bit more. */
    static final String CHAT = "{\"model\":\"gpt-5-nano\",\"max_tokens\":400,\"messages\":[{\"role\":\"user\",\"content\":\"Say hi\"}]}";

    private Spend() {
    }

    static HttpResponse<String> chat(IngateUnderTest ingate, String key) {
        return HttpCalls.send(HttpCalls.postJson(ingate.baseUrl(), "/v1/chat/completions", CHAT).header("Authorization", "Bearer " + key));
    }

    /** The estimate's maximum cost for {@link #CHAT}: what one admission reserves. */
    static BigDecimal estimate(IngateUnderTest ingate, String key) {
        HttpResponse<String> r = HttpCalls.send(HttpCalls.postJson(ingate.baseUrl(), "/v1/estimate", CHAT)
                .header("Authorization", "Bearer " + key).header("X-Ingate-Provider", "openai"));
        return HttpCalls.json(r).get("cost_usd").get("total_max").decimalValue();
    }

    /** Cost recorded for the key's requests (refused ones included, at no cost) once {@code requests} of them are in the usage rollups. */
    static BigDecimal recorded(IngateUnderTest ingate, String keyName, long requests) {
        String keyId = null;
        for (var key : HttpCalls.json(admin(ingate, "/keys")).get("data")) {
            if (key.get("name").asString().equals(keyName)) {
                keyId = key.get("id").asString();
            }
        }
        String id = keyId;
        return Poll.until(requests + " requests of " + keyName + " recorded", Duration.ofSeconds(20), () -> {
            for (var row : HttpCalls.json(admin(ingate, "/usage?group_by=key")).get("data")) {
                if (id != null && id.equals(row.path("group").asString(""))) {
                    return row;
                }
            }
            return null;
        }, row -> row != null && row.get("requests").asLong() >= requests && row.get("cost_usd").isNumber()).get("cost_usd").decimalValue();
    }

    static HttpResponse<String> admin(IngateUnderTest ingate, String pathAndQuery) {
        return HttpCalls.send(HttpCalls.request(ingate.baseUrl(), "/api/v1" + pathAndQuery).header("Authorization", "Bearer " + ADMIN_TOKEN));
    }

    static List<HttpResponse<String>> concurrently(int n, IntFunction<HttpResponse<String>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> call.apply(index)));
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
