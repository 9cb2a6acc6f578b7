package dev.ingate.provider;

import java.net.URI;

/** A parsed {@code base_url}: scheme, host, port and a base path without a trailing slash. */
public record UpstreamAddress(boolean tls, String host, int port, String basePath) {

    public static UpstreamAddress parse(String baseUrl) {
        URI uri = URI.create(baseUrl);
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("base_url must be an absolute http(s) URL: " + baseUrl);
        }
        boolean tls = scheme.equalsIgnoreCase("https");
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new UpstreamAddress(tls, host, port, path);
    }

    public String origin() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        boolean defaultPort = tls ? port == 443 : port == 80;
        return (tls ? "https://" : "http://") + h + (defaultPort ? "" : ":" + port);
    }
}
