package dev.ingate.guard;

import dev.ingate.config.ConfigLoader;
import dev.ingate.events.GatewayEvents;
import dev.ingate.keys.GatewayKey;
import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.ExchangeObserver;
import dev.ingate.provider.ApiShape;
import dev.ingate.provider.AuthMode;
import dev.ingate.provider.Provider;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** Every block is published as guardrail.blocked with the rule, key, provider and model (webhooks listen there). */
class GuardEventsTest {

    private record Published(String type, Map<String, Object> data) {
    }

    @Test
    void aBlockIsPublishedAndARequestLetThroughIsNot() throws Exception {
        List<Published> published = new CopyOnWriteArrayList<>();
        GatewayEvents events = (type, data) -> published.add(new Published(type, data));
        Guardrails rules = Guardrails.compile(ConfigLoader.parse("""
                guardrails:
                  - { name: deny-words, type: regex, pattern: "(?i)forbidden" }
                """, "t.yaml", Map.of()).guardrails());
        Vertx vertx = Vertx.vertx();
        try {
            GuardInput guard = new GuardInput(vertx, rules, events);
            GatewayKey key = GatewayKey.of("key_1", "team-a", new byte[32], List.of(), List.of());
            Provider openai = new Provider("openai", ApiShape.OPENAI, null, Optional.empty(), "Authorization", "Bearer", "", "", Map.of(),
                    AuthMode.API_KEY, true);
            int port = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                Exchange ex = new Exchange("req-1", System.nanoTime(), request, null, ExchangeObserver.NONE);
                ex.authenticated(key, "authorization");
                ex.provider(openai);
                ex.body(body);
                ex.requestFacts("gpt-4o", false, null);
                guard.intercept(ex, passed -> passed.answerJson(200, io.vertx.core.buffer.Buffer.buffer("{}")));
            })).listen(0, "127.0.0.1").await().actualPort();
            String base = "http://127.0.0.1:" + port;

            HttpResponse<String> blocked = send(postJson(base, "/v1/chat/completions",
                    "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"forbidden\"}]}"));
            assertThat(blocked.statusCode()).isEqualTo(403);
            assertThat(published).singleElement().satisfies(p -> {
                assertThat(p.type()).isEqualTo(GatewayEvents.GUARDRAIL_BLOCKED);
                assertThat(p.data()).containsEntry("rule", "deny-words").containsEntry("direction", "input")
                        .containsEntry("key", "team-a").containsEntry("provider", "openai").containsEntry("model", "gpt-4o")
                        .containsEntry("request_id", "req-1");
            });

            HttpResponse<String> fine = send(postJson(base, "/v1/chat/completions",
                    "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}"));
            assertThat(fine.statusCode()).isEqualTo(200);
            assertThat(published).hasSize(1);
        } finally {
            vertx.close().await();
        }
    }
}
