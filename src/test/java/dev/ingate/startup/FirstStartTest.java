package dev.ingate.startup;

import dev.ingate.testkit.IngateUnderTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** With no config at all: it starts, prints an admin token and a gateway key once, and that key works. */
class FirstStartTest {

    private static String printed(String console, String label) {
        Matcher m = Pattern.compile(label + ":\\s+(\\S+)").matcher(console);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void firstStartPrintsSecretsOnceAndKeepsThemPrivate() throws Exception {
        Path dataDir = Files.createTempDirectory("ingate-first-start");
        String gatewayKey;
        try (IngateUnderTest first = IngateUnderTest.start(null, Map.of(), dataDir)) {
            gatewayKey = printed(first.consoleOutput(), "gateway key");
            String adminToken = printed(first.consoleOutput(), "admin token");
            assertThat(gatewayKey).startsWith("sk-ingate-").hasSizeGreaterThanOrEqualTo(10 + 32);
            assertThat(adminToken).isNotBlank();
            var health = send(request(first.baseUrl(), "/health"));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(json(health).at("/status").asString()).isEqualTo("ok");
            assertThat(json(health).at("/version").asString()).isNotBlank();
            assertThat(json(health).at("/checks").isObject()).isTrue();
            assertThat(send(request(first.baseUrl(), "/")).statusCode()).isEqualTo(200);
            // the generated key authenticates (the built-in openai provider is unreachable here: 502, not 401)
            var call = send(request(first.baseUrl(), "/v2/x").header("Authorization", "Bearer " + gatewayKey).header("X-Ingate-Provider", "ollama"));
            assertThat(call.statusCode()).isNotEqualTo(401);
            var admin = send(request(first.baseUrl(), "/api/v1/keys").header("Authorization", "Bearer " + adminToken));
            assertThat(admin.statusCode()).isNotEqualTo(401);
        }
        for (String file : new String[]{"admin-token", "master.key"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(file)))).isEqualTo("rw-------");
        }
        assertThat(Files.exists(dataDir.resolve("ingate.db"))).isTrue();
        try (IngateUnderTest second = IngateUnderTest.start(null, Map.of(), dataDir)) {
            assertThat(second.consoleOutput()).doesNotContain("gateway key").doesNotContain("admin token");
            var call = send(request(second.baseUrl(), "/v2/x").header("Authorization", "Bearer " + gatewayKey).header("X-Ingate-Provider", "ollama"));
            assertThat(call.statusCode()).isNotEqualTo(401);
        }
    }

    @Test
    void theAdminTokenFromTheEnvironmentWins() throws Exception {
        Path dataDir = Files.createTempDirectory("ingate-env-token");
        try (IngateUnderTest ingate = IngateUnderTest.start(null, Map.of("INGATE_ADMIN_TOKEN", "my-admin-token"), dataDir)) {
            assertThat(ingate.consoleOutput()).doesNotContain("my-admin-token");
            assertThat(send(request(ingate.baseUrl(), "/api/v1/keys").header("Authorization", "Bearer my-admin-token")).statusCode()).isNotEqualTo(401);
            assertThat(send(request(ingate.baseUrl(), "/api/v1/keys").header("Authorization", "Bearer nope")).statusCode()).isEqualTo(401);
        }
    }
}
