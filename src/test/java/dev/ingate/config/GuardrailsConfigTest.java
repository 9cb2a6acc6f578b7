package dev.ingate.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GuardrailsConfigTest {

    private static List<GuardrailEntry> parse(String yaml) {
        return ConfigLoader.parse(yaml, "ingate.yaml", Map.of()).guardrails();
    }

    private static String error(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(yaml));
        assertThat(e).as("expected a ConfigException for:%n%s", yaml).isNotNull();
        return e.getMessage();
    }

    @Test
    void readsTheDocumentedRules() {
        List<GuardrailEntry> rules = parse("""
                guardrails:
                  - { name: no-pii, on: input, type: pii, kinds: [email, phone, credit_card, iban, ssn, ip, secret], action: redact }
                  - { name: deny-words, on: input, type: regex, pattern: "(?i)forbidden", action: block }
                  - { name: max-input, on: input, type: max_tokens, limit: 32000, action: block }
                  - { name: only-mini, type: models, allowed: ["gpt-4o-mini", "claude-*"] }
                  - { name: injection, type: prompt_injection, threshold: 1.5, action: log }
                  - { name: answers, on: both, type: pii, action: redact }
                """);
        assertThat(rules).extracting(GuardrailEntry::name).containsExactly("no-pii", "deny-words", "max-input", "only-mini", "injection", "answers");
        assertThat(rules.get(0).kinds()).containsExactly("email", "phone", "credit_card", "iban", "ssn", "ip", "secret");
        assertThat(rules.get(0).input()).isTrue();
        assertThat(rules.get(0).output()).isFalse();
        assertThat(rules.get(1).pattern().orElseThrow().matcher("So FORBIDDEN").find()).isTrue();
        assertThat(rules.get(2).limit()).isEqualTo(32000);
        assertThat(rules.get(3).allowed()).containsExactly("gpt-4o-mini", "claude-*");
        assertThat(rules.get(3).action()).isEqualTo("block");
        assertThat(rules.get(4).threshold()).isEqualTo(1.5);
        assertThat(rules.get(5).kinds()).hasSize(7);
        assertThat(rules.get(5).input()).isTrue();
        assertThat(rules.get(5).output()).isTrue();
    }

    @Test
    void namesTheLineAndKeyOfMistakes() {
        assertThat(error("guardrails:\n  - { name: a, type: max_tokens, limit: 10, action: redact }\n"))
                .isEqualTo("ingate.yaml:2: guardrails[0].action: redact applies to regex and pii rules only (use block or log)");
        assertThat(error("guardrails:\n  - { name: a, type: regex, pattern: \"(unclosed\" }\n"))
                .startsWith("ingate.yaml:2: guardrails[0].pattern: invalid regular expression: Unclosed group");
        assertThat(error("guardrails:\n  - { name: a, type: pii, kinds: [email, passport] }\n"))
                .isEqualTo("ingate.yaml:2: guardrails[0].kinds[1]: unknown kind \"passport\" (expected one of: email, phone, credit_card, iban, ssn, ip, secret)");
        assertThat(error("guardrails:\n  - { name: a, type: regex }\n"))
                .isEqualTo("ingate.yaml:2: guardrails[0]: missing required key \"pattern\"");
        assertThat(error("guardrails:\n  - { name: a, type: models, allowed: [x], on: output }\n"))
                .isEqualTo("ingate.yaml:2: guardrails[0].on: a models rule checks the input only");
        assertThat(error("guardrails:\n  - { name: a, type: pii, limit: 3 }\n"))
                .isEqualTo("ingate.yaml:2: guardrails[0].limit: does not apply to type pii");
        assertThat(error("guardrails:\n  - { name: a, type: toxicity }\n"))
                .isEqualTo("ingate.yaml:2: guardrails[0].type: unknown type \"toxicity\" (expected one of: regex, pii, max_tokens, models, prompt_injection)");
        assertThat(error("guardrails:\n  - { name: a, type: pii }\n  - { name: a, type: pii }\n"))
                .isEqualTo("ingate.yaml:3: guardrails[1].name: duplicate name \"a\" (also guardrails[0])");
        assertThat(error("guardrails:\n  - { name: a, type: pii, action: warn }\n"))
                .isEqualTo("ingate.yaml:2: guardrails[0].action: unknown action \"warn\" (expected one of: block, redact, log)");
    }
}
