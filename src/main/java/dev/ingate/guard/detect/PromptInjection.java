package dev.ingate.guard.detect;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A heuristic, not a classifier: a weighted list of phrases that prompt-injection and jailbreak attempts use. Each
 * signal counts once; a text scores the sum of the signals it shows, and base64 blobs are decoded and scored too (an
 * encoded "ignore previous instructions" is a common trick). It catches the well-known wordings and misses
 * paraphrases, other languages and anything cleverer; ordinary text rarely reaches the default threshold of 1.0.
 */
public final class PromptInjection {

    public static final double DEFAULT_THRESHOLD = 1.0;

    private record Signal(Pattern pattern, double weight) {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String PRIOR = "(?:all |any |the |your |my )?(?:previous|prior|above|earlier|preceding|initial|original|system)";
    private static final String ORDERS = "(?:instructions?|prompts?|rules|directions|guidelines|context|messages?)";

    private static final List<Signal> SIGNALS = List.of(
            signal("\\b(?:ignore|disregard|forget|override|bypass|skip)\\s+(?:all\\s+|any\\s+|everything\\s+)?" + PRIOR.replace(" ", "\\s+") + "\\s+" + ORDERS, 1.0),
            signal("\\b(?:ignore|disregard|forget)\\s+(?:all|everything)\\s+(?:you\\s+(?:were|have\\s+been)\\s+told|above)", 1.0),
            signal("\\b(?:reveal|show|print|repeat|output|leak|tell\\s+me)\\s+(?:me\\s+)?(?:your|the)\\s+(?:system\\s+prompt|hidden\\s+instructions|initial\\s+instructions)", 1.0),
            signal("\\bdo\\s+anything\\s+now\\b|\\bDAN\\s+mode\\b|\\byou\\s+are\\s+DAN\\b", 1.0),
            signal("\\bdeveloper\\s+mode\\b", 0.6),
            signal("\\bjail\\s?break(?:ing|ed)?\\b", 0.6),
            signal("\\bno\\s+(?:longer\\s+)?(?:bound|restricted|limited)\\s+by\\b|\\bwithout\\s+(?:any\\s+)?(?:restrictions|filters|limitations|censorship)\\b|\\bno\\s+(?:restrictions|filters|limitations|rules)\\s+apply\\b", 0.6),
            signal("\\bnew\\s+(?:instructions|rules|directives)\\s*:", 0.5),
            signal("<\\|im_start\\|>\\s*system|\\[\\s*system\\s*\\]|###\\s*system\\b|<\\s*system\\s*>", 0.6),
            signal("\\byou\\s+are\\s+now\\b", 0.4),
            signal("\\bsystem\\s+prompt\\b", 0.4),
            signal("\\bpretend\\s+(?:that\\s+)?(?:you\\s+are|to\\s+be|you're)\\b|\\broleplay\\s+as\\b|\\brole-play\\s+as\\b|\\bstay\\s+in\\s+character\\b", 0.4),
            signal("\\bfrom\\s+now\\s+on\\b", 0.2),
            signal("\\bact\\s+as\\s+(?:an?\\s+)?(?:unfiltered|uncensored|evil|unrestricted)\\b", 0.6));

    private static final Pattern BASE64_BLOB = Pattern.compile("(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{24,}={0,2}(?![A-Za-z0-9+/=])");

    /** Instructions are short; longer blobs are images and files, not worth decoding on the request path. */
    private static final int MAX_BLOB_CHARS = 8192;

    private PromptInjection() {
    }

    private static Signal signal(String regex, double weight) {
        return new Signal(Pattern.compile(regex, FLAGS), weight);
    }

    /** The text's score: the weights of the distinct signals found, in the text or in base64 it carries. */
    public static double score(CharSequence text) {
        double score = 0;
        boolean[] seen = new boolean[SIGNALS.size()];
        score += scoreInto(text, seen);
        Matcher blob = BASE64_BLOB.matcher(text);
        while (blob.find()) {
            String decoded = decodedText(blob.group());
            if (decoded != null) {
                score += scoreInto(decoded, seen);
            }
        }
        return score;
    }

    private static double scoreInto(CharSequence text, boolean[] seen) {
        double score = 0;
        for (int i = 0; i < SIGNALS.size(); i++) {
            if (!seen[i] && SIGNALS.get(i).pattern().matcher(text).find()) {
                seen[i] = true;
                score += SIGNALS.get(i).weight();
            }
        }
        return score;
    }

    /** Base64 that decodes to printable text, else null (most blobs are images or binary, not instructions). */
    private static String decodedText(String blob) {
        String unpadded = blob.replace("=", "");
        if (unpadded.length() > MAX_BLOB_CHARS || unpadded.length() % 4 == 1) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(unpadded + "===".substring(0, (4 - unpadded.length() % 4) % 4));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        for (byte b : bytes) {
            if ((b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t') || b == 0x7f) {
                return null;
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
