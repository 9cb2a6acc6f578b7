#!/usr/bin/env python3
"""Writes the mock upstream's canned answers into a web root.

    bodies.py WWW_DIR

WWW_DIR/v1/chat/completions       a ~600-byte OpenAI chat.completion (JSON)
WWW_DIR/sse/v1/chat/completions   an OpenAI streaming answer: 20 content chunks,
                                  a finish chunk, a usage chunk, data: [DONE]
WWW_DIR/slow/v1/chat/completions  the same shape with 4,000 content chunks; the
                                  upstream sends it rate-limited, so a stream
                                  stays open for minutes (memory test)
"""
import json
import os
import sys

ID = "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT"
CREATED = 1741569952
MODEL = "gpt-4o-mini-2024-07-18"
FINGERPRINT = "fp_06737a9306"
WORDS = ("Hello", "!", " I", "'m", " a", " benchmark", " answer", ",", " streamed",
         " one", " small", " token", " at", " a", " time", " so", " that", " the",
         " gateway", " relays")


def chat_completion():
    return {
        "id": ID, "object": "chat.completion", "created": CREATED, "model": MODEL,
        "choices": [{
            "index": 0,
            "message": {
                "role": "assistant",
                "content": "Hello! I'm a benchmark answer. How can I help you today? "
                           "Ask me anything and I will reply with a short text.",
                "refusal": None, "annotations": []},
            "logprobs": None, "finish_reason": "stop"}],
        "usage": {
            "prompt_tokens": 19, "completion_tokens": 27, "total_tokens": 46,
            "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
            "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                                          "accepted_prediction_tokens": 0,
                                          "rejected_prediction_tokens": 0}},
        "service_tier": "default", "system_fingerprint": FINGERPRINT,
    }


def chunk(delta, finish=None, choices=True, usage=None):
    c = {"id": ID, "object": "chat.completion.chunk", "created": CREATED, "model": MODEL,
         "service_tier": "default", "system_fingerprint": FINGERPRINT,
         "choices": [{"index": 0, "delta": delta, "logprobs": None,
                      "finish_reason": finish}] if choices else [],
         "usage": usage}
    return "data: " + json.dumps(c, separators=(",", ":")) + "\n\n"


def stream(n_content):
    parts = [chunk({"role": "assistant", "content": "", "refusal": None})]
    for i in range(n_content):
        parts.append(chunk({"content": WORDS[i % len(WORDS)]}))
    parts.append(chunk({}, finish="stop"))
    parts.append(chunk(None, choices=False, usage={
        "prompt_tokens": 19, "completion_tokens": n_content, "total_tokens": 19 + n_content}))
    parts.append("data: [DONE]\n\n")
    return "".join(parts)


def write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main():
    root = sys.argv[1]
    write(root, "v1/chat/completions", json.dumps(chat_completion(), separators=(",", ":")))
    write(root, "sse/v1/chat/completions", stream(20))
    write(root, "slow/v1/chat/completions", stream(4000))


if __name__ == "__main__":
    main()
