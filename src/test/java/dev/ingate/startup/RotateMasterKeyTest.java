package dev.ingate.startup;

import dev.ingate.Main;
import dev.ingate.secrets.SecretBox;
import dev.ingate.secrets.SecretException;
import dev.ingate.store.Database;
import dev.ingate.store.Stores;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ingate rotate-master-key} re-seals every stored provider key; Ingate starts on the new key. */
class RotateMasterKeyTest {

    @Test
    void everyStoredKeyMovesToTheNewMasterKey() throws Exception {
        Path dataDir = Files.createTempDirectory("ingate-rotate");
        try (MockProvider mock = MockProvider.openai()) {
            String config = IngateUnderTest.withKey("""
                    providers:
                      openai: { base_url: "%1$s", api_key: "sk-rotate-one" }
                      second: { base_url: "%1$s", api_key: "sk-rotate-two" }
                    """.formatted(mock.baseUrl()));
            IngateUnderTest.start(config, Map.of(), dataDir).close();
            byte[] oldKey = Base64.getDecoder().decode(Files.readString(dataDir.resolve("master.key")).trim());

            int exit = new CommandLine(new Main()).execute("rotate-master-key", "--data-dir", dataDir.toString());
            assertThat(exit).isZero();

            byte[] newKey = Base64.getDecoder().decode(Files.readString(dataDir.resolve("master.key")).trim());
            assertThat(newKey).hasSize(32).isNotEqualTo(oldKey);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("master.key")))).isEqualTo("rw-------");
            try (Database database = Database.open("jdbc:sqlite:" + dataDir.resolve("ingate.db"))) {
                byte[] sealed = Stores.open(database).providers().get("second").orElseThrow().sealedApiKey().orElseThrow();
                assertThat(new SecretBox(newKey).open(sealed, "second")).isEqualTo("sk-rotate-two");
                assertThatThrownBy(() -> new SecretBox(oldKey).open(sealed, "second")).isInstanceOf(SecretException.class);
            }
            try (IngateUnderTest again = IngateUnderTest.start(config, Map.of(), dataDir)) {
                send(postJson(again.baseUrl(), "/v1/chat/completions", "{}").header("Authorization", "Bearer " + IngateUnderTest.KEY)
                        .header("X-Ingate-Provider", "second"));
                assertThat(mock.lastRequest().header("authorization")).isEqualTo("Bearer sk-rotate-two");
            }
        }
    }
}
