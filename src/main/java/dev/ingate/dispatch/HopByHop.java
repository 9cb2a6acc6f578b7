package dev.ingate.dispatch;

import io.vertx.core.MultiMap;

import java.util.Locale;
import java.util.Set;

/** Headers that belong to one connection (RFC 9110 section 7.6.1) and never cross a proxy. */
final class HopByHop {

    private static final Set<String> NAMES = Set.of(
            "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization",
            "te", "trailer", "trailers", "transfer-encoding", "upgrade", "http2-settings");

    private HopByHop() {
    }

    static boolean isHopByHop(String lowerName) {
        return NAMES.contains(lowerName);
    }

    /** Names listed in the message's own Connection header are hop-by-hop for that message too. */
    static Set<String> listedInConnection(MultiMap headers) {
        String connection = headers.get("connection");
        if (connection == null || connection.isEmpty() || connection.equalsIgnoreCase("keep-alive") || connection.equalsIgnoreCase("close")) {
            return Set.of();
        }
        Set<String> names = new java.util.HashSet<>();
        for (String token : connection.split(",")) {
            names.add(token.trim().toLowerCase(Locale.ROOT));
        }
        return names;
    }
}
