"""Offline checks of drafts on the evaluation set: precision and recall per kind of concern,
false alarms on fine drafts, and the median time per draft. The held-out drafts come first.

Run: .venv/bin/python bench/check_eval.py [--set FILE] [--split holdout|dev|all] [--verbose]
                                           [--stages]
     .venv/bin/python bench/check_eval.py --policies FILE [--verbose]

With the dev split, the dev policies of tests/checks/policies_dev.yaml are measured too.
`--policies FILE` measures only a policies file in policies_dev.yaml's format (no drafts set).

`--stages` prints, for a set whose rule-breaking drafts name the rule they break (`section` or
`rule`), where the company's own rules are lost: the rule not read as one (the reader), read but
not cited (the matching), and citations of a section other than the one broken.

`--set FILE` measures a later set (all of it, one split): the retired ones
(tests/checks/drafts_retired1-14.yaml) are dev material. The held-out sets (drafts_unseen15.yaml and
later, policies_unseen13.yaml and later) are measured by the lead only.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from handlers.checks.concerns import Kind, Result  # noqa: E402
from handlers.checks.review import OfflineReview  # noqa: E402
from handlers.checks.rules import rules  # noqa: E402
from handlers.guidelines.document import GuidelinesFile  # noqa: E402
from tests.checks.evalset import (  # noqa: E402
    DRAFTS,
    POLICIES,
    UNSEEN_SPLIT,
    Draft,
    load_eval_set,
    policy_outcomes,
)


def report(name: str, results: list[tuple[Draft, Result, float]], verbose: bool) -> None:
    """Print the figures of one split."""
    print(f"== {name}: {len(results)} drafts")
    for kind in Kind:
        expected = sum(kind in d.kinds for d, _, _ in results)
        flagged = [(d, r) for d, r, _ in results if kind in r.kinds]
        right = sum(kind in d.kinds or kind in d.may for d, _ in flagged)
        found = sum(kind in d.kinds and kind in r.kinds for d, r, _ in results)
        precision = right / len(flagged) if flagged else 1.0
        recall = found / expected if expected else 1.0
        print(
            f"  {kind.value:<20} precision {precision:5.2f} ({right}/{len(flagged)})"
            f"  recall {recall:5.2f} ({found}/{expected})"
        )
    fine = [(d, r) for d, r, _ in results if not d.kinds]
    alarms = sum(not r.ok for _, r in fine)
    share = alarms / len(fine) if fine else 0.0
    print(f"  false alarms on fine drafts {share:.3f} ({alarms}/{len(fine)})")
    times = sorted(t for _, _, t in results)
    print(f"  median {statistics.median(times) * 1000:.1f} ms, slowest {times[-1] * 1000:.1f} ms")
    if verbose:
        for draft, result, _ in results:
            missed = draft.kinds - result.kinds
            extra = result.kinds - draft.kinds - draft.may
            if missed or extra:
                print(f"  - {draft.id}: missed {sorted(missed)} extra {sorted(extra)}")
                for concern in result.concerns:
                    span = concern.span.text if concern.span else ""
                    print(f"      {concern.kind.value}: {span!r} | {concern.reason[:110]}")


def _same(title: str, label: str) -> bool:
    """Whether a section's title is the one a draft's `section` label names."""
    return re.findall(r"\w+", title.lower()) == re.findall(r"\w+", label.lower())


def report_stages(review: OfflineReview, results: list[tuple[Draft, Result, float]]) -> None:
    """Print where the rule-breaking drafts that name their rule are lost: not read as a rule,
    read but not cited, or another section cited; and citations on drafts that break none."""
    index = review.guidelines.prepared()
    forbidding = [rule for rule in rules(index.sections, index.language) if not rule.obliging]
    labelled = [
        (d, r) for d, r, _ in results if Kind.GUIDELINE in d.kinds and (d.section or d.rule)
    ]
    if not labelled:
        print("  stages: no draft here names the rule it breaks")
        return
    read = cited = elsewhere = 0
    for draft, result in labelled:
        if draft.section:
            mine = {r.section.title for r in forbidding if _same(r.section.title, draft.section)}
        else:
            mine = {r.section.title for r in forbidding if draft.rule.lower() in r.text.lower()}
        sections = {c.section for c in result.concerns if c.kind is Kind.GUIDELINE}
        read += bool(mine)
        cited += bool(sections & mine)
        elsewhere += bool(sections - mine) and not sections & mine
    others = [
        r
        for d, r, _ in results
        if Kind.GUIDELINE not in d.kinds | d.may and Kind.GUIDELINE in r.kinds
    ]
    print(
        f"  stages of the rules ({len(labelled)} drafts naming theirs): read {read}, of those"
        f" cited {cited}; another section cited instead {elsewhere};"
        f" cited on drafts breaking none {len(others)}"
    )


def report_policies(verbose: bool, path: Path = POLICIES) -> None:
    """Print how the rules of the policies in `path` (policies_dev.yaml's format) are found."""
    outcomes = policy_outcomes(path)
    breaking = [o for o in outcomes if o.rule is not None]
    fine = [o for o in outcomes if o.rule is None]
    found = sum(o.right for o in breaking)
    alarms = sum(not o.right for o in fine)
    share = found / len(breaking) if breaking else 1.0
    print(f"== {path.name}: {len(outcomes)} drafts under {len({o.policy for o in outcomes})}")
    print(f"  rule cited {share:.2f} ({found}/{len(breaking)}), false alarms {alarms}/{len(fine)}")
    read = [o for o in breaking if o.read]
    print(
        f"  rule read as one (the reader) {len(read)}/{len(breaking)}; of those, matched"
        f" {sum(o.right for o in read)}/{len(read)}"
    )
    for policy in dict.fromkeys(o.policy for o in outcomes):
        mine = [o for o in outcomes if o.policy == policy]
        cited = sum(o.right for o in mine if o.rule is not None)
        wrong = sum(not o.right for o in mine if o.rule is None)
        total = sum(o.rule is not None for o in mine)
        read_here = sum(bool(o.read) for o in mine)
        print(
            f"    {policy:<52} cited {cited}/{total} (read {read_here}),"
            f" false alarms {wrong}/{len(mine) - total}"
        )
    if verbose:
        for outcome in outcomes:
            if not outcome.right:
                print(f"  - {outcome.policy}: {outcome.rule!r}: {outcome.text[:70]!r}")
                for concern in outcome.concerns:
                    print(f"      {concern.kind.value}: {concern.reason[:110]}")


def main() -> None:
    """Check every draft and print the figures, held-out drafts first."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", type=Path, default=DRAFTS, help="the drafts (YAML)")
    parser.add_argument("--split", default="all", choices=["holdout", "dev", "all"])
    parser.add_argument("--verbose", action="store_true", help="list every wrong draft")
    parser.add_argument(
        "--stages", action="store_true", help="where the company's own rules are lost"
    )
    parser.add_argument(
        "--policies", type=Path, help="measure only this policies file (policies_dev.yaml's format)"
    )
    args = parser.parse_args()
    if args.policies:
        report_policies(args.verbose, args.policies.resolve())
        return
    evalset = load_eval_set(args.set.resolve())
    review = OfflineReview(GuidelinesFile(evalset.guidelines), evalset.settings)
    start = time.perf_counter()
    review.check("warm-up: load the guidelines and the embedding model once")
    print(f"start-up {(time.perf_counter() - start) * 1000:.0f} ms (once per process)")
    splits = ["holdout", "dev"] if args.split == "all" else [args.split]
    if args.set.resolve() != DRAFTS:
        splits = [UNSEEN_SPLIT]
    for split in splits:
        results = []
        for draft in evalset.drafts:
            if draft.split != split:
                continue
            start = time.perf_counter()
            result = review.check(draft.text, draft.context)
            results.append((draft, result, time.perf_counter() - start))
        report(split, results, args.verbose)
        if args.stages:
            report_stages(review, results)
    if args.split in ("dev", "all") and args.set.resolve() == DRAFTS:
        report_policies(args.verbose)


if __name__ == "__main__":
    main()
