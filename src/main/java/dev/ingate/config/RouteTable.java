package dev.ingate.config;

import dev.ingate.glob.Globs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The routing rules of one snapshot, ready for lookups on the event loop: exact names in a hash map, globs compiled
 * once here. Immutable.
 *
 * <p>Matching is case-sensitive, as key scopes are: providers treat model names as case-sensitive ids, and a rule for
 * {@code GPT-4o} that quietly caught {@code gpt-4o} would route traffic its author never meant to.
 */
public final class RouteTable {

    private static final RouteTable EMPTY = new RouteTable(List.of());

    private final List<RouteRule> rules;
    /** Answers are prebuilt Optionals: a lookup per request allocates nothing but the glob matcher. */
    private final Map<String, Optional<RouteRule>> exact;
    private final Pattern[] globPatterns;
    private final List<Optional<RouteRule>> globRules;

    private RouteTable(List<RouteRule> rules) {
        this.rules = List.copyOf(rules);
        Map<String, Optional<RouteRule>> exactRules = new HashMap<>();
        List<Optional<RouteRule>> globs = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        for (RouteRule rule : this.rules) {
            if (rule.isGlob()) {
                globs.add(Optional.of(rule));
                patterns.add(Globs.compile(rule.model(), false));
            } else if (exactRules.putIfAbsent(rule.model(), Optional.of(rule)) != null) {
                throw new IllegalArgumentException("two routes for model " + rule.model());
            }
        }
        this.exact = Map.copyOf(exactRules);
        this.globRules = List.copyOf(globs);
        this.globPatterns = patterns.toArray(Pattern[]::new);
    }

    public static RouteTable empty() {
        return EMPTY;
    }

    /** @param rules in match order: globs are tried in this order (exact names do not overlap, so theirs is moot) */
    public static RouteTable of(List<RouteRule> rules) {
        return rules.isEmpty() ? EMPTY : new RouteTable(rules);
    }

    /** The rule for a requested model: its exact name first, then the first glob that matches. */
    public Optional<RouteRule> match(String requestedModel) {
        if (requestedModel == null) {
            return Optional.empty();
        }
        Optional<RouteRule> rule = exact.get(requestedModel);
        if (rule != null) {
            return rule;
        }
        for (int i = 0; i < globPatterns.length; i++) {
            if (globPatterns[i].matcher(requestedModel).matches()) {
                return globRules.get(i);
            }
        }
        return Optional.empty();
    }

    /** Every rule, in match order. */
    public List<RouteRule> rules() {
        return rules;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    @Override
    public String toString() {
        return "RouteTable" + rules.stream().map(RouteRule::model).toList();
    }
}
