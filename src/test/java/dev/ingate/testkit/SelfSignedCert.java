package dev.ingate.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for "localhost" and 127.0.0.1, made once per JVM with the JDK's
 * {@code keytool}: a PKCS12 key store for the server and a PEM file for clients to trust.
 */
public final class SelfSignedCert {

    public static final String PASSWORD = "changeit";
    private static SelfSignedCert shared;

    private final Path keyStore;
    private final Path certificatePem;

    private SelfSignedCert(Path keyStore, Path certificatePem) {
        this.keyStore = keyStore;
        this.certificatePem = certificatePem;
    }

    /** The JVM-wide certificate, generated on first use. */
    public static synchronized SelfSignedCert get() {
        if (shared == null) shared = generate();
        return shared;
    }

    /** PKCS12 key store holding the key and certificate (alias "localhost", password {@link #PASSWORD}). */
    public Path keyStore() {
        return keyStore;
    }

    /** The certificate in PEM form. */
    public Path certificatePem() {
        return certificatePem;
    }

    /** An SSLContext that trusts only this certificate (for java.net.http clients in tests). */
    public SSLContext clientContext() {
        return clientContext(certificatePem);
    }

    /** An SSLContext that trusts the PEM certificate(s) in {@code pem}. */
    public static SSLContext clientContext(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca" + i++, (X509Certificate) cert);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SelfSignedCert generate() {
        try {
            Path dir = Files.createTempDirectory("ingate-mock-tls");
            Path p12 = dir.resolve("localhost.p12");
            Path pem = dir.resolve("localhost.pem");
            keytool("-genkeypair", "-alias", "localhost", "-keyalg", "RSA", "-keysize", "2048",
                    "-validity", "30", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-storetype", "PKCS12", "-keystore", p12.toString(),
                    "-storepass", PASSWORD, "-keypass", PASSWORD);
            Files.writeString(pem, toPem(p12));
            for (Path p : List.of(pem, p12, dir)) p.toFile().deleteOnExit();
            return new SelfSignedCert(p12, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String toPem(Path p12) throws IOException {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            byte[] der = ks.getCertificate("localhost").getEncoded();
            String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
            return "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + command + "\n" + out);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running keytool", e);
        }
    }
}
