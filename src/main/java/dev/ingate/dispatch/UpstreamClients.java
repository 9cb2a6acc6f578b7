package dev.ingate.dispatch;

import dev.ingate.provider.UpstreamAddress;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.TrustOptions;

import java.time.Duration;
import java.util.List;

/**
 * The upstream HTTP clients of one event loop: keep-alive pools sized for hundreds of concurrent
 * streams per upstream. Cleartext upstreams get HTTP/1.1 (h2c upgrades would break plain servers);
 * TLS upstreams offer HTTP/2 by ALPN and fall back to HTTP/1.1.
 */
public final class UpstreamClients implements AutoCloseable {

    /** Per upstream host and event loop: enough for many long-lived streams at once. */
    static final int HTTP1_POOL_SIZE = 2048;
    static final int HTTP2_POOL_SIZE = 16;

    private final HttpClientAgent cleartext;
    private final HttpClientAgent tls;

    public UpstreamClients(Vertx vertx, Duration connectTimeout, List<String> extraCaFiles) {
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(HTTP1_POOL_SIZE).setHttp2MaxSize(HTTP2_POOL_SIZE).setMaxWaitQueueSize(-1);
        this.cleartext = vertx.createHttpClient(baseOptions(connectTimeout).setProtocolVersion(HttpVersion.HTTP_1_1), pool);
        HttpClientOptions tlsOptions = baseOptions(connectTimeout)
                .setSsl(true)
                .setUseAlpn(true)
                .setProtocolVersion(HttpVersion.HTTP_2)
                .setVerifyHost(true);
        if (!extraCaFiles.isEmpty()) {
            // read now, so a bad file stops the start; without one the client's default is the JDK's own CAs, which
            // it loads at the first TLS connection: parsing them costs ~80 ms of a cold start that may need no TLS
            tlsOptions.setTrustOptions(TrustOptions.wrap(UpstreamTrust.trustManagers(extraCaFiles)));
        }
        this.tls = vertx.createHttpClient(tlsOptions, pool);
    }

    private static HttpClientOptions baseOptions(Duration connectTimeout) {
        return new HttpClientOptions()
                .setKeepAlive(true)
                .setKeepAliveTimeout(60)
                .setTcpNoDelay(true)
                .setDecompressionSupported(false)
                .setMaxHeaderSize(64 * 1024)
                .setMaxInitialLineLength(16 * 1024)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
    }

    public HttpClientAgent forAddress(UpstreamAddress address) {
        return address.tls() ? tls : cleartext;
    }

    @Override
    public void close() {
        cleartext.close();
        tls.close();
    }
}
