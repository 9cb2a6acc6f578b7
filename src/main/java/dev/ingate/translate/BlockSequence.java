package dev.ingate.translate;

import dev.ingate.translate.canonical.StreamEvent;

import java.util.function.Consumer;

/**
 * The canonical stream's blocks for shapes that have none (OpenAI chunks, Gemini chunks, Ollama lines): one block
 * open at a time, numbered from 0 in the order they open; text and thinking stay open while more of the same
 * kind comes, anything else closes them first. One per stream.
 */
public final class BlockSequence {

    private enum Kind { NONE, TEXT, THINKING, TOOL }

    private int next;
    private int open = -1;
    private Kind kind = Kind.NONE;

    /** The open text block's index, opening one (and closing any other) if needed. */
    public int text(Consumer<StreamEvent> out) {
        return ensure(Kind.TEXT, out);
    }

    /** The open thinking block's index, opening one (and closing any other) if needed. */
    public int thinking(Consumer<StreamEvent> out) {
        return ensure(Kind.THINKING, out);
    }

    /** Opens a tool call's block, closing whatever was open, and returns its index; it stays open for its arguments. */
    public int openTool(StreamEvent.ToolCallBlock call, Consumer<StreamEvent> out) {
        close(out);
        open = next++;
        kind = Kind.TOOL;
        out.accept(new StreamEvent.BlockStart(open, call));
        return open;
    }

    /** A block that arrives whole (a tool call with all its arguments, a lone signature): start, one delta, stop. */
    public void whole(StreamEvent.BlockKind block, StreamEvent.Delta delta, Consumer<StreamEvent> out) {
        close(out);
        int index = next++;
        out.accept(new StreamEvent.BlockStart(index, block));
        out.accept(new StreamEvent.BlockDelta(index, delta));
        out.accept(new StreamEvent.BlockStop(index));
    }

    public void close(Consumer<StreamEvent> out) {
        if (kind != Kind.NONE) {
            out.accept(new StreamEvent.BlockStop(open));
            kind = Kind.NONE;
        }
    }

    private int ensure(Kind wanted, Consumer<StreamEvent> out) {
        if (kind != wanted) {
            close(out);
            open = next++;
            kind = wanted;
            out.accept(new StreamEvent.BlockStart(open, wanted == Kind.TEXT ? new StreamEvent.TextBlock() : new StreamEvent.ThinkingBlock()));
        }
        return open;
    }
}
