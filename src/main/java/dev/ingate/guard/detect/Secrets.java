package dev.ingate.guard.detect;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Credentials by their vendors' published formats: OpenAI and Anthropic keys ({@code sk-…}, {@code sk-proj-…},
 * {@code sk-ant-…}) and Ingate's own gateway keys ({@code sk-ingate-…}), AWS access key ids ({@code AKIA…},
 * {@code ASIA…}), GitHub tokens ({@code ghp_…}, {@code gho_…}, {@code github_pat_…}), Slack tokens
 * ({@code xoxb-…}, {@code xoxa-…}, {@code xoxp-…}, {@code xoxr-…}), Google API keys ({@code AIza…}), JSON Web Tokens,
 * and PEM private key blocks (an unterminated block, as in a cut body, counts up to the end of the text).
 */
public final class Secrets {

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?<![\\w-])sk-[A-Za-z0-9][A-Za-z0-9_-]{19,}"),
            Pattern.compile("(?<![A-Za-z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Za-z0-9])"),
            Pattern.compile("(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,255}(?![A-Za-z0-9_])"),
            Pattern.compile("(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,255}"),
            Pattern.compile("(?<![A-Za-z0-9_])xox[abpr]-[A-Za-z0-9][A-Za-z0-9-]{9,}"),
            Pattern.compile("(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])"),
            Pattern.compile("(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{10,}"),
            Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----(?:[\\s\\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|[\\s\\S]*+)"));

    private Secrets() {
    }

    public static Detector detector() {
        List<Detector> detectors = new java.util.ArrayList<>();
        detectors.add(new PatternDetector(PATTERNS.get(0), "secret", Secrets::keyLike));
        for (Pattern p : PATTERNS.subList(1, PATTERNS.size())) {
            detectors.add(new PatternDetector(p, "secret"));
        }
        return new AnyOf(detectors);
    }

    /** {@code sk-} keys mix letters and digits; a long hyphenated phrase starting with "sk-" does not. */
    private static boolean keyLike(String candidate) {
        String body = candidate.substring(3);
        return body.chars().anyMatch(Character::isDigit) && body.chars().anyMatch(Character::isLetter) && !body.contains("--");
    }
}
