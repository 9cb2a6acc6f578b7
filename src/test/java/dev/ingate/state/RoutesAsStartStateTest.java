package dev.ingate.state;

import dev.ingate.config.RouteRule;
import dev.ingate.config.RouteTarget;
import dev.ingate.testkit.IngateUnderTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** Routing rules follow the providers' start-state rules: per-rule file hashes, API changes kept until the file changes. */
class RoutesAsStartStateTest {

    private static final String TOKEN = "routes-state-admin";
    private static final Map<String, String> ENV = Map.of("INGATE_ADMIN_TOKEN", TOKEN);

    private static String config(String fastModel, boolean withCheap, boolean cheapFirst) {
        String fast = "  - { model: fast, targets: [ { provider: openai, model: " + fastModel + " } ] }\n";
        String glob = "  - { model: \"gpt-*\", targets: [ { provider: openai } ] }\n";
        String cheap = "  - { model: \"gpt-4o*\", strategy: lowest_cost, targets: [ { provider: openai } ] }\n";
        String routes = cheapFirst ? cheap + fast + glob : fast + glob + (withCheap ? cheap : "");
        return IngateUnderTest.withKey("routes:\n" + routes);
    }

    private static HttpResponse<String> admin(IngateUnderTest ingate, String method, String path, String body) {
        return send(request(ingate.baseUrl(), "/api/v1" + path).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Optional<String> fastModel(IngateUnderTest ingate) {
        return ingate.state().routes().match("fast").orElseThrow().targets().getFirst().model();
    }

    private static String ruleFor(IngateUnderTest ingate, String model) {
        return ingate.state().routes().match(model).map(RouteRule::model).orElse(null);
    }

    @Test
    void theFileAppliesOnceAndLeavesApiChangesAloneUntilItsEntryChanges() throws Exception {
        Path dataDir = Files.createTempDirectory("ingate-routes-state");
        try (IngateUnderTest first = IngateUnderTest.start(config("gpt-4o-mini", true, false), ENV, dataDir)) {
            assertThat(fastModel(first)).contains("gpt-4o-mini");
            assertThat(ruleFor(first, "gpt-4o")).as("globs in file order").isEqualTo("gpt-*");
            assertThat(admin(first, "PUT", "/routes/fast", "{\"targets\":[{\"provider\":\"anthropic\",\"model\":\"claude-3-5-haiku-latest\"}]}")
                    .statusCode()).isEqualTo(200);
            assertThat(admin(first, "POST", "/routes", "{\"model\":\"api-only\",\"targets\":[{\"provider\":\"ollama\"}]}").statusCode())
                    .isEqualTo(201);
        }
        try (IngateUnderTest same = IngateUnderTest.start(config("gpt-4o-mini", true, false), ENV, dataDir)) {
            RouteTarget target = same.state().routes().match("fast").orElseThrow().targets().getFirst();
            assertThat(target).as("the same file again keeps the API's change")
                    .isEqualTo(new RouteTarget("anthropic", Optional.of("claude-3-5-haiku-latest"), 1));
            assertThat(json(admin(same, "GET", "/routes/fast", null)).get("origin").asString()).isEqualTo("api");
            assertThat(same.state().routes().match("api-only")).as("API-made rules survive restarts").isPresent();
        }
        try (IngateUnderTest reordered = IngateUnderTest.start(config("gpt-4o-mini", true, true), ENV, dataDir)) {
            assertThat(ruleFor(reordered, "gpt-4o")).as("a moved glob moves").isEqualTo("gpt-4o*");
            assertThat(reordered.state().routes().match("fast").orElseThrow().targets().getFirst().provider())
                    .as("moving a rule does not change it").isEqualTo("anthropic");
            assertThat(reordered.state().routes().rules().getLast().model()).as("API rules after the file's").isEqualTo("api-only");
        }
        try (IngateUnderTest changed = IngateUnderTest.start(config("gpt-4.1-mini", false, false), ENV, dataDir)) {
            assertThat(fastModel(changed)).as("a changed file entry wins").contains("gpt-4.1-mini");
            assertThat(json(admin(changed, "GET", "/routes/fast", null)).get("origin").asString()).isEqualTo("file");
            assertThat(admin(changed, "GET", "/routes/gpt-4o%2A", null).statusCode()).as("removed from the file").isEqualTo(404);
            assertThat(changed.state().routes().match("api-only")).isPresent();
        }
    }
}
