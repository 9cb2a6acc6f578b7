package dev.ingate.guard;

import java.util.List;

/**
 * What the rules decided about one body.
 *
 * @param blockedBy     the first blocking rule that matched, else null
 * @param rewrittenBody the body with redactions, else null (the body goes on as it came, byte for byte)
 * @param passed        the rules that matched and let it through (log and redact), in config order
 */
public record Verdict(GuardRule blockedBy, byte[] rewrittenBody, List<String> passed) {
}
