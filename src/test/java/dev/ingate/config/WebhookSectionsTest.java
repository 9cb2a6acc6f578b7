package dev.ingate.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSectionsTest {

    private static IngateConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, "ingate.yaml", Map.of("HOOK_SECRET", "from-env"));
    }

    @Test
    void webhooksAndRetrySettingsAreRead() {
        IngateConfig config = parse("""
                webhooks:
                  - { url: "https://hooks.example.com/ingate", events: [budget.exhausted, key.revoked], secret: "${HOOK_SECRET}" }
                  - { url: "http://10.0.0.5/all", events: ["*"], secret: s2, enabled: false }
                webhook_retry: { attempts: 7, backoff: 250ms, timeout: 3s }
                """);
        WebhookSettings w = config.webhooks();
        assertThat(w.hooks()).containsExactly(
                new WebhookSettings.WebhookEntry("https://hooks.example.com/ingate", List.of("budget.exhausted", "key.revoked"), "from-env", true),
                new WebhookSettings.WebhookEntry("http://10.0.0.5/all", List.of("*"), "s2", false));
        assertThat(w.attempts()).isEqualTo(7);
        assertThat(w.backoff()).isEqualTo(Duration.ofMillis(250));
        assertThat(w.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(w.hooks().getFirst().toString()).doesNotContain("from-env");
    }

    @Test
    void withoutTheSectionsTheDefaultsHold() {
        WebhookSettings w = parse("default_provider: openai\n").webhooks();
        assertThat(w).isEqualTo(WebhookSettings.defaults());
        assertThat(w.attempts()).isEqualTo(5);
        assertThat(w.backoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(w.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(IngateConfig.empty().webhooks()).isEqualTo(WebhookSettings.defaults());
    }

    @Test
    void mistakesNameTheKeyAndLine() {
        assertThatThrownBy(() -> parse("webhooks:\n  - { url: \"ftp://x\", events: [\"*\"], secret: s }\n"))
                .hasMessageContaining("ingate.yaml:2: webhooks[0].url");
        assertThatThrownBy(() -> parse("webhooks:\n  - { url: \"https://x\", events: [key.exploded], secret: s }\n"))
                .hasMessageContaining("webhooks[0].events[0]").hasMessageContaining("key.created");
        assertThatThrownBy(() -> parse("webhooks:\n  - { url: \"https://x\", events: [\"*\"] }\n"))
                .hasMessageContaining("secret");
        assertThatThrownBy(() -> parse("webhooks:\n  - { url: \"https://x\", secret: s }\n"))
                .hasMessageContaining("events");
        assertThatThrownBy(() -> parse("webhooks:\n  - { url: \"https://x\", events: [], secret: s }\n"))
                .hasMessageContaining("webhooks[0].events");
        assertThatThrownBy(() -> parse("""
                webhooks:
                  - { url: "https://x", events: ["*"], secret: s }
                  - { url: "https://x", events: [key.created], secret: t }
                """)).hasMessageContaining("webhooks[1].url").hasMessageContaining("webhooks[0]");
        assertThatThrownBy(() -> parse("webhook_retry: { attempts: 0 }\n")).hasMessageContaining("webhook_retry.attempts");
        assertThatThrownBy(() -> parse("webhook_retry: { tries: 3 }\n")).hasMessageContaining("tries");
    }
}
