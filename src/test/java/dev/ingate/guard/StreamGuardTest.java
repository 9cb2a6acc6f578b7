package dev.ingate.guard;

import dev.ingate.config.ConfigLoader;
import dev.ingate.stream.Framing;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The stream hold-back, fed event by event: what leaves at once, what waits, and how a split value is redacted. */
class StreamGuardTest {

    private final List<String> blocked = new ArrayList<>();
    private final List<String> passed = new ArrayList<>();

    private StreamGuard guard(String rulesYaml, Framing framing) {
        List<GuardRule> rules = Guardrails.compile(ConfigLoader.parse("guardrails:\n" + rulesYaml, "t.yaml", Map.of()).guardrails()).outputRules();
        return new StreamGuard(rules, new StreamGuard.Listener() {
            @Override
            public void blocked(GuardRule rule) {
                blocked.add(rule.name());
            }

            @Override
            public void passed(String rule) {
                passed.add(rule);
            }

            @Override
            public Buffer errorEvent(GuardRule rule) {
                return Buffer.buffer("data: {\"error\":\"" + rule.name() + "\"}\n\n");
            }
        }, framing);
    }

    private static String chunk(String content) {
        return "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":" + JsonMapper.shared().writeValueAsString(content) + "}}]}\n\n";
    }

    private static String apply(StreamGuard guard, String events) {
        return guard.apply(Buffer.buffer(events)).toString();
    }

    private static final String PII = "  - { name: pii, on: output, type: pii, kinds: [email], action: redact }\n";

    @Test
    void releasesEverythingButTheLastCharactersAtOnce() {
        StreamGuard guard = guard(PII, Framing.SSE);
        String sixty = "x".repeat(59) + " ";
        assertThat(apply(guard, chunk(sixty))).as("within the hold window").isEmpty();
        assertThat(apply(guard, chunk(sixty))).isEmpty();
        assertThat(apply(guard, chunk(sixty))).isEmpty();
        assertThat(apply(guard, chunk(sixty))).as("the first event is now more than 128 characters behind").isEqualTo(chunk(sixty));
        assertThat(apply(guard, "data: [DONE]\n\n")).isEmpty();
        assertThat(guard.finish().toString()).isEqualTo(chunk(sixty).repeat(3) + "data: [DONE]\n\n");
    }

    @Test
    void aValueSplitAcrossEventsBecomesOneMarkerWhereItStarts() {
        StreamGuard guard = guard(PII, Framing.SSE);
        StringBuilder out = new StringBuilder();
        out.append(apply(guard, chunk("Write to jane.")));
        out.append(apply(guard, chunk("doe@exam")));
        out.append(apply(guard, chunk("ple.com" + " and so on".repeat(20))));
        out.append(guard.finish());
        assertThat(out.toString()).isEqualTo(chunk("Write to [REDACTED:email]") + chunk("") + chunk(" and so on".repeat(20)));
        assertThat(blocked).isEmpty();
    }

    @Test
    void aMatchTouchingTheEndWaitsUntilItStopsGrowing() {
        StreamGuard guard = guard(PII, Framing.SSE);
        String filler = "y".repeat(200) + " ";
        String spaces = " ".repeat(130);
        assertThat(apply(guard, chunk(filler) + chunk(spaces) + chunk("mail a@b.co"))).isEqualTo(chunk(filler));
        assertThat(apply(guard, chunk("m.au please") + chunk(" ".repeat(200))))
                .isEqualTo(chunk(spaces) + chunk("mail [REDACTED:email]") + chunk(" please"));
    }

    @Test
    void aPrivateKeyLongerThanTheWindowIsHeldFromItsFirstLineToItsLast() {
        StreamGuard guard = guard("  - { name: keys, on: output, type: pii, kinds: [secret], action: redact }\n", Framing.SSE);
        StringBuilder out = new StringBuilder();
        out.append(apply(guard, chunk("Here: -----BEGIN PRIVATE KEY-----\n")));
        for (int i = 0; i < 6; i++) {
            out.append(apply(guard, chunk("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC" + i + "\n")));
        }
        assertThat(out.toString()).as("nothing of the key before its end line").doesNotContain("MIIE").doesNotContain("BEGIN");
        out.append(apply(guard, chunk("-----END PRIVATE KEY-----") + chunk(" done." + " ".repeat(150))));
        out.append(guard.finish());
        assertThat(out.toString()).doesNotContain("MIIE").contains(chunk("Here: [REDACTED:secret]")).contains(chunk(" done." + " ".repeat(150)));
    }

    @Test
    void aBlockEndsTheStreamWithTheErrorEventAndDropsTheRest() {
        StreamGuard guard = guard("  - { name: codes, on: output, type: regex, pattern: \"LAUNCH-\\\\d{4}\", action: block }\n", Framing.SSE);
        assertThat(apply(guard, chunk("The code is LAUN"))).isEmpty();
        assertThat(apply(guard, chunk("CH-1234 and more"))).isEqualTo("data: {\"error\":\"codes\"}\n\n");
        assertThat(apply(guard, chunk("later text"))).isEmpty();
        assertThat(guard.finish().length()).isZero();
        assertThat(blocked).containsExactly("codes");
    }

    @Test
    void logRulesAreHeardOnceAndChangeNothing() {
        StreamGuard guard = guard("  - { name: watch, on: output, type: regex, pattern: \"refund\", action: log }\n", Framing.NDJSON);
        String lines = "{\"message\":{\"role\":\"assistant\",\"content\":\"a refund\"},\"done\":false}\n"
                + "{\"message\":{\"role\":\"assistant\",\"content\":\" another refund\"},\"done\":false}\n";
        String out = apply(guard, lines) + guard.finish();
        assertThat(out).isEqualTo(lines);
        assertThat(passed).containsExactly("watch");
    }
}
