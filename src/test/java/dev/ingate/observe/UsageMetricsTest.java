package dev.ingate.observe;

import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens, cost (at a price from the config file's {@code pricing:}), time to first token and the record writer's
 * counters reach /metrics; the same configured price is what the request record says.
 */
class UsageMetricsTest {

    private static final String TOKEN = "usage-metrics-admin";
    // The mock answers the recorded OpenAI exchange: 8 prompt tokens, 377 completion tokens, the model asked for.
    private static final String PRICED = """
            providers:
              openai: { base_url: "%s" }
            pricing:
              "GPT-5-nano*": { input: 1, output: 2 }
            """;

    @Test
    void tokensCostTtftAndWriterCountersAreExported() throws Exception {
        try (MockProvider openai = MockProvider.openai();
             IngateUnderTest ingate = IngateUnderTest.start(IngateUnderTest.withKey(PRICED.formatted(openai.baseUrl())),
                     Map.of("INGATE_ADMIN_TOKEN", TOKEN), null)) {
            String bearer = "Bearer " + IngateUnderTest.KEY;
            HttpResponse<String> plain = send(postJson(ingate.baseUrl(), "/v1/chat/completions", "{\"model\":\"gpt-5-nano\",\"messages\":[]}")
                    .header("Authorization", bearer));
            assertThat(plain.statusCode()).isEqualTo(200);
            HttpResponse<String> streamed = send(postJson(ingate.baseUrl(), "/v1/chat/completions",
                    "{\"model\":\"gpt-5-nano\",\"stream\":true,\"messages\":[]}").header("Authorization", bearer));
            assertThat(streamed.statusCode()).isEqualTo(200);

            String text = awaitMetric(ingate, "ingate_records_written_total", 2);
            String labels = "model=\"gpt-5-nano\",provider=\"openai\"";
            assertThat(value(text, "ingate_tokens_total{" + labels + ",type=\"input\"}")).isEqualTo(16);
            assertThat(value(text, "ingate_tokens_total{" + labels + ",type=\"output\"}")).isEqualTo(754);
            assertThat(value(text, "ingate_tokens_total{" + labels + ",type=\"cached_input\"}")).isZero();
            // 8 × $1/M + 377 × $2/M = $0.000762 a request
            assertThat(value(text, "ingate_cost_usd_total{" + labels + "}")).isCloseTo(0.001524, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(value(text, "ingate_ttft_seconds_count{provider=\"openai\"}")).isEqualTo(1);
            assertThat(value(text, "ingate_records_queue_depth")).isZero();
            assertThat(value(text, "ingate_records_spilled_total")).isZero();
            assertThat(value(text, "ingate_records_lost_total")).isZero();

            String id = plain.headers().firstValue("X-Ingate-Request-Id").orElseThrow();
            HttpResponse<String> record = send(request(ingate.baseUrl(), "/api/v1/requests/" + id).header("Authorization", "Bearer " + TOKEN));
            JsonNode r = json(record);
            assertThat(r.get("served_model").asString()).isEqualTo("gpt-5-nano");
            assertThat(r.get("cost_usd").decimalValue()).isEqualByComparingTo(new BigDecimal("0.000762"));
        }
    }

    private static String awaitMetric(IngateUnderTest ingate, String name, double atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            String text = send(request(ingate.baseUrl(), "/metrics")).body();
            if (value(text, name) >= atLeast || System.nanoTime() > deadline) {
                return text;
            }
            Thread.sleep(50);
        }
    }

    /** The sample of {@code series} (name and labels exactly as exported), or -1 when absent. */
    private static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
