package dev.ingate.guard;

import dev.ingate.guard.detect.Match;
import dev.ingate.guard.text.JsonSplice;
import dev.ingate.guard.text.Side;
import dev.ingate.guard.text.TextValue;
import dev.ingate.guard.text.TextValues;
import dev.ingate.stream.Framing;
import dev.ingate.stream.Rewriter;
import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Output rules on a stream, acting on the text assembled from its deltas as it grows. The last {@link #HOLD_CHARS}
 * characters (and any match still touching the end, which may yet grow) are held back, together with the events
 * that carry them, so a match split across events is still found and redacted before any of it leaves; everything
 * before goes out at once. A blocking rule ends the stream with the caller's error event and drops the rest.
 * Events that carry whole texts (the Responses API's {@code *.done} and {@code response.completed}) are checked
 * whole, like an answer that is not streamed.
 */
final class StreamGuard implements Rewriter {

    /** How far behind the upstream the client may be: long enough for any PII value to show itself whole. */
    static final int HOLD_CHARS = 128;

    /** What the stream's owner hears, and the error event that ends a blocked stream in the caller's grammar. */
    interface Listener {
        void blocked(GuardRule rule);

        void passed(String rule);

        Buffer errorEvent(GuardRule rule);
    }

    private final List<GuardRule> rules;
    private final Listener listener;
    private final Framing framing;
    private final HeldText text = new HeldText();
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    /** Redactions that started in released text and run on into held text. */
    private List<Match> open = new ArrayList<>();
    private final Set<String> logged = new HashSet<>();
    /** Text before this has been released. */
    private int settled;
    private boolean blocked;

    /** An event not yet released, with where its deltas sit in the assembled text. */
    private record Held(StreamEvent event, List<Delta> deltas) {
        int textEnd() {
            return deltas.isEmpty() ? -1 : deltas.get(deltas.size() - 1).to();
        }
    }

    private record Delta(TextValue value, int from, int to) {
    }

    StreamGuard(List<GuardRule> rules, Listener listener, Framing framing) {
        this.rules = rules;
        this.listener = listener;
        this.framing = framing;
    }

    @Override
    public Buffer apply(Buffer events) {
        if (blocked) {
            return Buffer.buffer(0);
        }
        for (StreamEvent event : StreamEvent.split(events.toString(StandardCharsets.UTF_8), framing)) {
            if (event.json() != null && carriesWholeText(event)) {
                Buffer checked = wholeTextEvent(event);
                if (blocked) {
                    return checked;
                }
                held.add(new Held(new StreamEvent("", checked.toString(StandardCharsets.UTF_8), null, ""), List.of()));
                continue;
            }
            List<Delta> deltas = new ArrayList<>();
            if (event.json() != null) {
                for (TextValue value : TextValues.scan(event.json(), Side.OUTPUT)) {
                    int from = text.append(value.text());
                    deltas.add(new Delta(value, from, text.length()));
                }
            }
            held.add(new Held(event, deltas));
        }
        return release(false);
    }

    @Override
    public Buffer finish() {
        return blocked ? Buffer.buffer(0) : release(true);
    }

    /** The Responses API repeats the full text in its closing events; they are checked on their own. */
    private static boolean carriesWholeText(StreamEvent event) {
        return event.name().startsWith("response.") && !event.name().endsWith(".delta");
    }

    private Buffer wholeTextEvent(StreamEvent event) {
        Verdict verdict = BodyCheck.evaluate(rules, event.json(), 0, event.json().length, Side.OUTPUT, null);
        if (verdict.blockedBy() != null) {
            return block(verdict.blockedBy());
        }
        verdict.passed().forEach(this::logOnce);
        byte[] json = verdict.rewrittenBody() == null ? event.json() : verdict.rewrittenBody();
        return Buffer.buffer(event.head()).appendBytes(json).appendString(event.tail());
    }

    private Buffer release(boolean end) {
        int length = text.length();
        List<Match> redactions = new ArrayList<>();
        for (GuardRule rule : rules) {
            if (!(rule.check() instanceof Check.Matching matching)) {
                continue;
            }
            List<Match> found = new ArrayList<>();
            matching.detector().find(text.chars(), settled, length, found);
            if (found.isEmpty()) {
                continue;
            }
            switch (rule.action()) {
                case BLOCK -> {
                    return block(rule);
                }
                case LOG -> logOnce(rule.name());
                case REDACT -> redactions.addAll(found);
            }
        }
        int safe = end ? length : Math.max(settled, length - HOLD_CHARS);
        for (Match m : redactions) {
            if (!end && m.end() == length) {
                safe = Math.min(safe, m.start());   // it may still grow: hold it whole
            }
        }
        int releasable = safe;
        List<Match> known = new ArrayList<>(open);
        redactions.stream().filter(m -> m.start() < releasable && (end || m.end() < length)).forEach(known::add);
        Buffer out = Buffer.buffer();
        while (!held.isEmpty() && held.peek().textEnd() <= safe) {
            Held h = held.poll();
            out.appendBuffer(render(h, known));
            settled = Math.max(settled, h.textEnd());
        }
        int now = settled;
        open = known.stream().filter(m -> m.start() < now && m.end() > now).toList();
        return out;
    }

    private Buffer render(Held h, List<Match> redactions) {
        StreamEvent event = h.event();
        if (h.deltas().isEmpty()) {
            return Buffer.buffer(event.text());
        }
        List<JsonSplice.Replacement> replacements = new ArrayList<>();
        for (Delta d : h.deltas()) {
            String shown = text.slice(d.from(), d.to(), redactions);
            if (!shown.equals(d.value().text())) {
                replacements.add(new JsonSplice.Replacement(d.value(), shown));
            }
        }
        if (replacements.isEmpty()) {
            return Buffer.buffer(event.text());
        }
        byte[] json = JsonSplice.apply(event.json(), 0, event.json().length, replacements);
        return Buffer.buffer(event.head()).appendBytes(json).appendString(event.tail());
    }

    private Buffer block(GuardRule rule) {
        blocked = true;
        held.clear();
        listener.blocked(rule);
        return listener.errorEvent(rule);
    }

    private void logOnce(String rule) {
        if (logged.add(rule)) {
            listener.passed(rule);
        }
    }
}
