package dev.ingate.keys;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A gateway key as Ingate holds it: its hash and scope, never the secret. An empty provider or model
 * list means no restriction.
 */
public record GatewayKey(String id, String name, byte[] hash, List<String> providers, List<Pattern> modelGlobs) {

    /** Every gateway key starts so; it is how a key is told apart from a provider key in the same header. */
    public static final String SECRET_PREFIX = "sk-ingate-";

    public static GatewayKey of(String id, String name, byte[] hash, List<String> providers, List<String> modelGlobs) {
        return new GatewayKey(id, name, hash.clone(), List.copyOf(providers),
                modelGlobs.stream().map(GatewayKey::globToPattern).toList());
    }

    public boolean allowsProvider(String provider) {
        return providers.isEmpty() || providers.contains(provider);
    }

    /** A request without a model (GET /v1/models, say) is not restricted by model scope. */
    public boolean allowsModel(String model) {
        if (modelGlobs.isEmpty() || model == null) {
            return true;
        }
        for (Pattern glob : modelGlobs) {
            if (glob.matcher(model).matches()) {
                return true;
            }
        }
        return false;
    }

    /** {@code *} matches any run of characters, {@code ?} one; everything else is literal. Compiled once. */
    static Pattern globToPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString());
    }
}
