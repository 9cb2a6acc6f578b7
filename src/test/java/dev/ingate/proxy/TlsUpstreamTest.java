package dev.ingate.proxy;

import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import dev.ingate.testkit.SelfSignedCert;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** An https base URL works against a server whose self-signed certificate Ingate is told to trust. */
class TlsUpstreamTest {

    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @Test
    void httpsUpstreamWithATrustedCertificate() {
        try (MockProvider mock = MockProvider.openai().tls();
             IngateUnderTest ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                     server:
                       upstream_ca_file: "%s"
                     providers:
                       openai: { base_url: "%s", api_key: "sk-tls-upstream" }
                     """.formatted(mock.caCertificatePem(), mock.baseUrl())))) {
            assertThat(mock.baseUrl()).startsWith("https://localhost:");
            HttpResponse<String> response = send(postJson(ingate.baseUrl(), "/v1/chat/completions", CHAT).header("Authorization", "Bearer " + IngateUnderTest.KEY));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(mock.lastRequest().header("authorization")).isEqualTo("Bearer sk-tls-upstream");
            assertThat(mock.lastRequest().header("host")).isIn("localhost:" + mock.port(), null);
        }
    }

    @Test
    void http2IsUsedWhenTheUpstreamOffersItByAlpn() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            List<String> versions = new CopyOnWriteArrayList<>();
            HttpServer h2 = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setUseAlpn(true)
                            .setKeyCertOptions(new PfxOptions().setPath(SelfSignedCert.get().keyStore().toString()).setPassword(SelfSignedCert.PASSWORD)))
                    .requestHandler(req -> {
                        versions.add(req.version().name());
                        req.response().putHeader("content-type", "application/json").end("{\"h2\":true}");
                    });
            int port = h2.listen(0, "127.0.0.1").await().actualPort();
            try (IngateUnderTest ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                    server:
                      upstream_ca_file: "%s"
                    providers:
                      openai: { base_url: "https://localhost:%d" }
                    """.formatted(SelfSignedCert.get().certificatePem(), port)))) {
                for (int i = 0; i < 3; i++) {
                    HttpResponse<String> response = send(postJson(ingate.baseUrl(), "/v1/chat/completions", CHAT).header("Authorization", "Bearer " + IngateUnderTest.KEY));
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.body()).isEqualTo("{\"h2\":true}");
                }
            }
            assertThat(versions).containsOnly("HTTP_2").hasSize(3);
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void anUntrustedCertificateIs502() {
        try (MockProvider mock = MockProvider.openai().tls();
             IngateUnderTest ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                     providers:
                       openai: { base_url: "%s" }
                     """.formatted(mock.baseUrl())))) {
            HttpResponse<String> response = send(postJson(ingate.baseUrl(), "/v1/chat/completions", CHAT).header("Authorization", "Bearer " + IngateUnderTest.KEY));
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(mock.requests()).isEmpty();
        }
    }
}
