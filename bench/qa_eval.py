"""Offline answers to guideline questions on the evaluation set: accuracy and answer time.

Run: .venv/bin/python bench/qa_eval.py [--split dev|test|all] [--verbose]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from handlers.guidelines.answer import offline_answer  # noqa: E402
from handlers.guidelines.retrieval import Index  # noqa: E402
from handlers.guidelines.sections import split_sections  # noqa: E402
from tests.guidelines.evalset import load_eval_set  # noqa: E402


def main() -> None:
    """Print top-1, top-3, "not covered" accuracy, false refusals and the median answer time."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="all", choices=["dev", "test", "all"])
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    parser.add_argument(
        "--bm25-only", action="store_true", help="without the embedding model's re-ranking"
    )
    args = parser.parse_args()
    evalset = load_eval_set()
    start = time.perf_counter()
    indexes = {
        name: Index(split_sections(path.read_text()), semantic=not args.bm25_only)
        for name, path in evalset.documents.items()
    }
    # One question per document loads the model (once per process) and embeds the sections,
    # so the answer times below are those of a running bot.
    for index in indexes.values():
        index.prepare()
    startup_ms = (time.perf_counter() - start) * 1000
    covered = top1 = top3 = refused = 0
    uncovered = said_uncovered = 0
    times: list[float] = []
    for item in evalset.questions:
        if args.split != "all" and item.split != args.split:
            continue
        start = time.perf_counter()
        answer = offline_answer(indexes[item.doc], item.question)
        times.append(time.perf_counter() - start)
        titles = [source.section for source in answer.sources]
        if item.sections:
            covered += 1
            top1 += bool(titles) and titles[0] in item.sections
            top3 += any(title in item.sections for title in titles)
            refused += not answer.confident
            if args.verbose and (
                not titles or titles[0] not in item.sections or not answer.confident
            ):
                print(f"miss   [{item.doc}] {item.question} -> {titles[:3]} {answer.confident=}")
                print(f"       wanted {list(item.sections)}")
        else:
            uncovered += 1
            said_uncovered += not answer.confident
            if args.verbose and answer.confident:
                print(f"answer [{item.doc}] {item.question} -> {titles[:1]}")
    median_ms = statistics.median(times) * 1000
    print(f"split: {args.split}; {covered} covered and {uncovered} not covered questions")
    print(f"top-1 accuracy:        {top1 / covered:6.1%} ({top1}/{covered})")
    print(f"top-3 accuracy:        {top3 / covered:6.1%} ({top3}/{covered})")
    print(
        f"'not covered' correct: {said_uncovered / uncovered:6.1%} ({said_uncovered}/{uncovered})"
    )
    print(f"false refusals:        {refused / covered:6.1%} ({refused}/{covered})")
    p95_ms = sorted(times)[int(len(times) * 0.95)] * 1000
    print(f"median answer time:    {median_ms:6.2f} ms (p95 {p95_ms:.2f} ms)")
    model = "BM25 only" if args.bm25_only else "embedding model if installed"
    print(f"start-up ({model}): {startup_ms:.0f} ms for {len(indexes)} documents")


if __name__ == "__main__":
    main()
