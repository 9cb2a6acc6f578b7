package dev.ingate.e2e;

import dev.ingate.testkit.Poll;
import dev.ingate.testkit.Behaviour;
import dev.ingate.testkit.CannedUsage;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.ingate.testkit.CannedUsage.ANTHROPIC_MESSAGE;
import static dev.ingate.testkit.CannedUsage.OPENAI_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4 end to end: a known mix of requests through a real Ingate (streamed and not, two provider shapes, several
 * models, keys, sessions and users, upstream failures, an unknown provider, a client that hangs up) and then
 * everything Ingate says about them: each record, the request list's filters, the usage sums and /metrics must
 * agree with what the mocks answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordedMixTest {

    private static final String ADMIN_TOKEN = "e2e-mix-admin";
    private static final String ALPHA = "sk-ingate-alpha0123456789abcdefghijklmnopqrs";
    private static final String BETA = "sk-ingate-beta0123456789abcdefghijklmnopqrst";
    private static final boolean PRICED = true;
    private static final boolean UNPRICED = false;
    /** A prompt served mostly from OpenAI's cache: the one answer whose cached tokens are not zero. */
    private static final CannedUsage.Tokens CACHED_PROMPT = new CannedUsage.Tokens(2006, 300, 1920);

    private MockProvider openai;
    private MockProvider anthropic;
    private IngateUnderTest ingate;
    private AdminClient admin;
    private final List<Expected> sent = new ArrayList<>();
    private Map<String, JsonNode> recordsById;

    @BeforeAll
    void sendTheMix() throws Exception {
        openai = MockProvider.openai();
        anthropic = MockProvider.anthropic();
        ingate = IngateUnderTest.start("""
                keys:
                  - { name: alpha, key: "%s" }
                  - { name: beta, key: "%s" }
                providers:
                  openai: { base_url: "%s" }
                  anthropic: { base_url: "%s" }
                """.formatted(ALPHA, BETA, openai.baseUrl(), anthropic.baseUrl()), Map.of("INGATE_ADMIN_TOKEN", ADMIN_TOKEN), null);
        admin = new AdminClient(ingate, ADMIN_TOKEN);

        sent.add(Call.openAiChat("gpt-4o").key("alpha", ALPHA).session("s-1").headerUser("alice")
                .send(ingate).expect(200, OPENAI_CHAT, PRICED));
        sent.add(Call.openAiChat("gpt-4o").streamedWithUsage().key("alpha", ALPHA).session("s-1").bodyUser("bob")
                .send(ingate).expect(200, OPENAI_CHAT, PRICED));
        sent.add(Call.openAiChat("gpt-4o-mini").streamed().key("beta", BETA)
                .send(ingate).expect(200, OPENAI_CHAT, PRICED));
        sent.add(Call.openAiChat("acme-unpriced-1").key("beta", BETA).session("s-2").bodyUser("bob")
                .send(ingate).expect(200, OPENAI_CHAT, UNPRICED));
        openai.enqueue(Behaviour.json(200, cachedPromptAnswer()));
        sent.add(Call.openAiChat("gpt-4o").key("alpha", ALPHA).headerUser("alice").bodyUser("overridden-by-header")
                .send(ingate).expect(200, CACHED_PROMPT, PRICED));
        sent.add(Call.anthropicMessage("claude-3-5-haiku-latest").key("alpha", ALPHA).session("s-2").bodyUser("carol")
                .send(ingate).expect(200, ANTHROPIC_MESSAGE, PRICED));
        sent.add(Call.anthropicMessage("claude-sonnet-4-5").streamed().key("beta", BETA).headerUser("carol")
                .send(ingate).expect(200, ANTHROPIC_MESSAGE, PRICED));
        openai.enqueue(Behaviour.error(500, "The server had an error while processing your request."));
        sent.add(Call.openAiChat("gpt-4o").key("alpha", ALPHA).session("s-1")
                .send(ingate).expect(500, null, UNPRICED));
        anthropic.enqueue(Behaviour.rateLimited());
        sent.add(Call.anthropicMessage("claude-3-5-haiku-latest").key("beta", BETA).bodyUser("carol")
                .send(ingate).expect(429, null, UNPRICED));
        sent.add(Call.openAiChat("gpt-4o").key("alpha", ALPHA).provider("nope").headerUser("alice")
                .send(ingate).expectRefused(404));
        sent.add(clientLeavesMidStream(Call.openAiChat("gpt-4o").streamed().key("beta", BETA).session("s-3").headerUser("dave")));

        recordsById = admin.awaitRecords(sent.size(), Duration.ofSeconds(10)).stream()
                .collect(Collectors.toMap(r -> r.get("id").asString(), Function.identity()));
    }

    @AfterAll
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {ingate, openai, anthropic}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // teardown: the first failure is the test's
            }
        }
    }

    /** The upstream streams slowly, the client reads the first token and hangs up: the record must say 499. */
    private Expected clientLeavesMidStream(Call call) throws Exception {
        openai.enqueue(Behaviour.streamEvery(Duration.ofMillis(200)));
        String id = ClientThatLeaves.leaveAfterEvents(ingate, call, 2);
        openai.awaitAbort(Duration.ofSeconds(5));
        return call.expect(id, 499, null, UNPRICED, true);
    }

    private static String cachedPromptAnswer() {
        return """
                {"id":"chatcmpl-cached","object":"chat.completion","created":1755133833,"model":"gpt-4o",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hi"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d,
                          "prompt_tokens_details":{"cached_tokens":%d,"audio_tokens":0}}}
                """.formatted(CACHED_PROMPT.input(), CACHED_PROMPT.output(), CACHED_PROMPT.input() + CACHED_PROMPT.output(),
                CACHED_PROMPT.cached());
    }

    @Test
    void everyRequestIsRecordedOnceUnderItsOwnId() {
        assertThat(recordsById.keySet()).containsExactlyInAnyOrderElementsOf(sent.stream().map(Expected::id).toList());
        assertThat(admin.records()).hasSize(sent.size());
    }

    @Test
    void eachRecordSaysWhatHappened() {
        Map<String, String> keyIds = admin.keyIds();
        for (Expected e : sent) {
            JsonNode r = admin.record(e.id());
            String what = e + " recorded as " + r;
            assertThat(text(r, "provider")).as(what).isEqualTo(e.provider());
            assertThat(text(r, "served_by")).as(what).isEqualTo(e.provider());
            assertThat(r.get("attempts").asInt()).as(what).isEqualTo(e.provider() == null ? 0 : 1);
            assertThat(text(r, "model")).as(what).isEqualTo(e.model());
            // the mocks answer with the model asked for, so a usage-carrying answer names it as served
            assertThat(text(r, "served_model")).as(what).isEqualTo(e.tokens() == null ? null : e.model());
            assertThat(text(r, "path")).as(what).isEqualTo(e.path());
            assertThat(r.get("status").asInt()).as(what).isEqualTo(e.status());
            assertThat(text(r, "session_id")).as(what).isEqualTo(e.session());
            assertThat(text(r, "user")).as(what).isEqualTo(e.user());
            assertThat(text(r, "key_name")).as(what).isEqualTo(e.keyName());
            assertThat(text(r, "key_id")).as(what).isEqualTo(keyIds.get(e.keyName())).isNotNull();
            assertTokens(r, e, what);
            if (e.priced()) {
                assertThat(r.get("cost_usd").decimalValue()).as(what).isPositive();
            } else {
                assertThat(r.get("cost_usd").isNull()).as(what).isTrue();
            }
            long latency = r.get("latency_ms").asLong();
            assertThat(latency).as(what).isNotNegative();
            if (e.streamed()) {
                assertThat(r.get("ttft_ms").isNull()).as(what).isFalse();
                assertThat(latency).as(what).isGreaterThanOrEqualTo(r.get("ttft_ms").asLong());
            } else {
                assertThat(r.get("ttft_ms").isNull()).as("no TTFT without a stream: " + what).isTrue();
            }
        }
    }

    private static void assertTokens(JsonNode r, Expected e, String what) {
        if (e.tokens() == null) {
            assertThat(r.get("input_tokens").isNull() && r.get("output_tokens").isNull() && r.get("cached_input_tokens").isNull())
                    .as("no usage reported, none recorded: " + what).isTrue();
            return;
        }
        assertThat(r.get("input_tokens").asLong()).as(what).isEqualTo(e.tokens().input());
        assertThat(r.get("output_tokens").asLong()).as(what).isEqualTo(e.tokens().output());
        assertThat(r.get("cached_input_tokens").asLong()).as(what).isEqualTo(e.tokens().cached());
    }

    @Test
    void aClientThatHungUpIsRecordedAs499() {
        Expected gone = sent.getLast();
        assertThat(admin.records(Map.of("status", "499"))).extracting(r -> r.get("id").asString()).containsExactly(gone.id());
    }

    @Test
    void eachFilterOfTheRequestListReturnsExactlyItsSubset() {
        Map<String, String> keyIds = admin.keyIds();
        assertFilter("provider", Expected::provider);
        assertFilter("model", Expected::model);
        assertFilter("status", e -> Integer.toString(e.status()));
        assertFilter("session", Expected::session);
        assertFilter("user", Expected::user);
        assertFilter("key", e -> keyIds.get(e.keyName()));
        // two filters at once narrow to what both select
        Set<String> both = expectedIds(sent.stream().filter(e -> "openai".equals(e.provider()) && "alice".equals(e.user())).toList());
        assertThat(recordIds(admin.records(Map.of("provider", "openai", "user", "alice")))).isEqualTo(both).isNotEmpty();
    }

    private void assertFilter(String param, Function<Expected, String> field) {
        Map<String, List<Expected>> byValue = sent.stream().filter(e -> field.apply(e) != null)
                .collect(Collectors.groupingBy(field));
        assertThat(byValue).as(param + " values in the mix").hasSizeGreaterThan(1);
        byValue.forEach((value, expected) -> assertThat(recordIds(admin.records(Map.of(param, value))))
                .as(param + "=" + value).isEqualTo(expectedIds(expected)));
        assertThat(admin.records(Map.of(param, param.equals("status") ? "418" : "no-such-value"))).as(param + " matching nothing").isEmpty();
    }

    @Test
    void usageGroupedEveryWaySumsTheMocksNumbers() {
        Map<String, String> keyIds = admin.keyIds();
        for (String dimension : List.of("provider", "model", "key", "user", "session")) {
            Function<Expected, String> group = switch (dimension) {
                case "provider" -> Expected::provider;
                case "model" -> Expected::model;
                case "key" -> e -> keyIds.get(e.keyName());
                case "user" -> Expected::user;
                default -> Expected::session;
            };
            Map<String, List<Expected>> expected = sent.stream()
                    .collect(Collectors.groupingBy(e -> Objects.requireNonNullElse(group.apply(e), ""), TreeMap::new, Collectors.toList()));
            Map<String, JsonNode> usage = admin.usage(dimension);
            assertThat(usage.keySet()).as("groups by " + dimension).containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((value, requests) -> {
                JsonNode row = usage.get(value);
                String what = dimension + "=" + value + ": " + row;
                assertThat(row.get("requests").asLong()).as(what).isEqualTo(requests.size());
                assertThat(row.get("input_tokens").asLong()).as(what).isEqualTo(requests.stream().mapToLong(Expected::input).sum());
                assertThat(row.get("output_tokens").asLong()).as(what).isEqualTo(requests.stream().mapToLong(Expected::output).sum());
                assertThat(row.get("cached_input_tokens").asLong()).as(what).isEqualTo(requests.stream().mapToLong(Expected::cached).sum());
                assertThat(row.get("cost_usd").decimalValue()).as(what).isEqualByComparingTo(recordedCost(requests));
            });
        }
    }

    /** The sum of the costs on the records themselves: the rollup must add up to the same exact amount. */
    private BigDecimal recordedCost(List<Expected> requests) {
        return requests.stream().map(e -> recordsById.get(e.id()).get("cost_usd"))
                .filter(cost -> !cost.isNull()).map(JsonNode::decimalValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void metricsCountEveryOutcomeByProviderModelAndStatus() {
        Map<Map<String, String>, Double> expected = new HashMap<>();
        for (Expected e : sent) {
            expected.merge(Map.of("provider", e.providerLabel(), "model", e.modelLabel(), "status", Integer.toString(e.status())),
                    1.0, Double::sum);
        }
        Map<Map<String, String>, Double> counted = Poll.until("/metrics counting the whole mix", Duration.ofSeconds(5),
                () -> PrometheusText.samples(admin.metrics(), "ingate_requests_total"), expected::equals);
        assertThat(counted).isEqualTo(expected);
    }

    @Test
    void tokenAndCostMetricsAddUpToTheMocksNumbers() {
        Map<Map<String, String>, Double> expected = new HashMap<>();
        Map<Map<String, String>, BigDecimal> expectedCost = new HashMap<>();
        for (Expected e : sent) {
            if (e.tokens() == null) {
                continue;
            }
            // the mocks answer with the model asked for: the served model, which these meters are labelled with
            Map<String, String> labels = Map.of("provider", e.provider(), "model", e.model());
            expected.merge(with(labels, "type", "input"), (double) (e.input() - e.cached()), Double::sum);   // fresh input only
            expected.merge(with(labels, "type", "output"), (double) e.output(), Double::sum);
            expected.merge(with(labels, "type", "cached_input"), (double) e.cached(), Double::sum);
            expected.merge(with(labels, "type", "cache_write"), 0.0, Double::sum);
            if (e.priced()) {
                expectedCost.merge(labels, recordsById.get(e.id()).get("cost_usd").decimalValue(), BigDecimal::add);
            }
        }
        String metrics = admin.metrics();
        assertThat(PrometheusText.samples(metrics, "ingate_tokens_total")).isEqualTo(expected);
        Map<Map<String, String>, Double> cost = PrometheusText.samples(metrics, "ingate_cost_usd_total");
        expectedCost.forEach((labels, usd) -> assertThat(cost.get(labels)).as("cost of " + labels)
                .isCloseTo(usd.doubleValue(), org.assertj.core.data.Offset.offset(1e-9)));
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> more = new HashMap<>(labels);
        more.put(name, value);
        return Map.copyOf(more);
    }

    private static Set<String> expectedIds(List<Expected> expected) {
        return expected.stream().map(Expected::id).collect(Collectors.toSet());
    }

    /** Ids of the records, failing on a record listed twice. */
    private static Set<String> recordIds(List<JsonNode> records) {
        List<String> ids = records.stream().map(r -> r.get("id").asString()).toList();
        assertThat(ids).doesNotHaveDuplicates();
        return Set.copyOf(ids);
    }

    private static String text(JsonNode record, String field) {
        JsonNode v = record.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
