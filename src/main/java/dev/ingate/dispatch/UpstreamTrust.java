package dev.ingate.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates Ingate trusts for upstream TLS: the JDK's public CAs, plus any PEM files named by
 * {@code server.upstream_ca_file} (a company CA, a self-signed local server).
 */
final class UpstreamTrust {

    private UpstreamTrust() {
    }

    /** The JDK's CAs and those of {@code extraCaFiles} (not empty: without any, the JDK's default needs no factory). */
    static TrustManagerFactory trustManagers(List<String> extraCaFiles) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            KeyStore store = jdkDefaultStore();
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            int n = 0;
            for (String file : extraCaFiles) {
                try (InputStream in = Files.newInputStream(Path.of(file))) {
                    for (Certificate certificate : x509.generateCertificates(in)) {
                        store.setCertificateEntry("ingate-extra-" + n++, certificate);
                    }
                }
            }
            factory.init(store);
            return factory;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load upstream CA certificates " + extraCaFiles + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore jdkDefaultStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        if (Files.exists(cacerts)) {
            try (InputStream in = Files.newInputStream(cacerts)) {
                store.load(in, "changeit".toCharArray());
            }
        } else {
            store.load(null, null);
        }
        return store;
    }
}
