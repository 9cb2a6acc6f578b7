package dev.ingate.translate.canonical;

import java.util.Optional;

/**
 * A streamed answer in no vendor's shape, modelled on Anthropic's events because they are the most explicit:
 * blocks are opened, filled and closed one after another, each with its own index from 0.
 */
public sealed interface StreamEvent {

    /** {@code usage} holds what is known at the start (Anthropic sends input tokens here, OpenAI nothing). */
    record MessageStart(String id, String model, Usage usage) implements StreamEvent {
    }

    record BlockStart(int index, BlockKind kind) implements StreamEvent {
    }

    record BlockDelta(int index, Delta delta) implements StreamEvent {
    }

    record BlockStop(int index) implements StreamEvent {
    }

    /** {@code usage}, when present, is the whole message's usage so far (input and output). */
    record MessageDelta(StopReason stopReason, Optional<String> stopSequence, Optional<Usage> usage) implements StreamEvent {
    }

    record MessageStop() implements StreamEvent {
    }

    /** An upstream error in the middle of a stream; {@code type} uses Anthropic's names (overloaded_error…). */
    record Error(String type, String message) implements StreamEvent {
    }

    sealed interface BlockKind {
    }

    record TextBlock() implements BlockKind {
    }

    record ToolCallBlock(String id, String name) implements BlockKind {
    }

    record ThinkingBlock() implements BlockKind {
    }

    sealed interface Delta {
    }

    record TextDelta(String text) implements Delta {
    }

    /** A fragment of the tool's arguments JSON, passed on as it came: fragments are not valid JSON alone. */
    record ToolArgumentsDelta(String jsonFragment) implements Delta {
    }

    record ThinkingDelta(String text) implements Delta {
    }

    record SignatureDelta(String signature) implements Delta {
    }
}
