"""Every document the selected tests embed, embedded once before they run, shared by the workers.

Embedding a policy's passages with the multilingual model takes seconds of CPU; the vectors are
kept on disk (handlers/guidelines/embedding.py, in ~/.cache), so only a fresh clone pays. There
the floor tests of several files embed the same corpus documents at the same time on different
workers, and one file embeds for minutes while the other workers run quick tests. So before the
first test each worker takes documents from one list, one at a time, claiming each with a file no
other worker can create too, and waits until every document of the list is on disk: each is
embedded once, spread over the workers. A test module names the documents it embeds in
`EMBEDDED_DOCUMENTS` (paths).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest

from bot.settings import DEFAULT_GUIDELINES
from handlers.guidelines.document import GuidelinesFile

# The folder of the claims, made by the process that starts the workers (they inherit it).
CLAIMS = "PYTEST_SOCIALBOT_EMBEDDING_CLAIMS"
# Long enough for the largest list on a loaded machine; a worker that died holding a claim
# costs the others this much before they embed its documents themselves.
WAITED_AT_MOST = 900.0


def share_among_workers(config: pytest.Config) -> None:
    """In the process that starts test workers: a folder for their claims, removed at the end."""
    if hasattr(config, "workerinput") or not config.getoption("numprocesses", default=None):
        return
    folder = tempfile.mkdtemp(prefix="socialbot-tests-")
    os.environ[CLAIMS] = folder
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


def documents_of(items: Iterable[pytest.Item]) -> list[Path]:
    """The documents the modules of `items` name, and the bundled guidelines most tests read."""
    modules = {module for item in items if (module := getattr(item, "module", None)) is not None}
    named = {Path(path) for module in modules for path in getattr(module, "EMBEDDED_DOCUMENTS", ())}
    return sorted(named | {DEFAULT_GUIDELINES}) if named else []


def embed_once(documents: Sequence[Path]) -> None:
    """Embed `documents`; among workers, each is embedded by the worker that claims it first,
    and this returns once all are done."""
    claims = os.environ.get(CLAIMS)
    if claims is None:
        for document in documents:
            _embed(document)
        return
    marks = [Path(claims) / f"{n}-{document.name}" for n, document in enumerate(documents)]
    for document, mark in zip(documents, marks, strict=True):
        try:
            os.close(os.open(mark.with_suffix(".claimed"), os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            continue
        _embed(document)
        mark.with_suffix(".done").touch()
    deadline = time.monotonic() + WAITED_AT_MOST
    while time.monotonic() < deadline and not all(m.with_suffix(".done").exists() for m in marks):
        time.sleep(0.1)


def _embed(document: Path) -> None:
    """Embed the passages of `document`; one that cannot be read or embedded is left to the
    tests that read it, which fail saying why, instead of the whole run."""
    with contextlib.suppress(Exception):
        GuidelinesFile(document).prepared()
