"""A small static embedding model that ships its weights in its wheel (wordllama), offline."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    # Only for the annotations: numpy comes with wordllama, and without it BM25 works alone.
    import numpy as np
    import numpy.typing as npt

    Vectors = npt.NDArray[np.float32]


# The language the model was trained on: questions and sections in others are not embedded.
EMBEDDING_LANGUAGE = "en"


class Embedder(Protocol):
    """Turns texts into unit-length vectors, one row per text."""

    def embed(self, texts: Sequence[str]) -> Vectors:
        """The unit vectors of `texts`."""
        ...


class WordLlamaEmbedder:
    """wordllama's 256-dimension English model, loaded from the files inside its wheel."""

    def __init__(self) -> None:
        import wordllama  # type: ignore[import-untyped]

        # The tokenizer is looked for in the wrong folder unless cache_dir is the package's own,
        # and nothing may be downloaded at run time.
        folder = Path(wordllama.__file__).parent
        self._model = wordllama.WordLlama.load(cache_dir=folder, disable_download=True)

    def embed(self, texts: Sequence[str]) -> Vectors:
        """The unit vectors of `texts`."""
        vectors: Vectors = self._model.embed(list(texts), norm=True)
        return vectors


@functools.cache
def default_embedder() -> Embedder | None:
    """The process's embedding model, loaded once; None when wordllama is not installed."""
    try:
        return WordLlamaEmbedder()
    except ImportError:
        return None
