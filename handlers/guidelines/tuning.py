"""The weights and thresholds of retrieval and of the verdict, as one value.

The defaults are chosen by bench/qa_eval.py over the development corpus; to measure a policy the
bench chooses them again on the other policies only (leave-one-policy-out), so no figure it
reports comes from weights fitted to the policy measured.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tuning:
    """Every tuned weight and threshold of the offline answerer."""

    # BM25F: saturation, length normalisation, and how much a word counts in the passage's
    # heading and in the headings above it, relative to its text.
    k1: float = 1.6
    b: float = 0.75
    title_weight: float = 2.0
    path_weight: float = 0.5
    # An idea of the lexicon (a synonym group) counts this much more than a plain stem; a term
    # scores by its best key and its other keys add only `syn_sum` of theirs.
    idea_weight: float = 2.0
    syn_sum: float = 0.3
    # How much the best single sentence's share of the question adds, relative to the
    # question's total idf: words asked together should be found together.
    unit_weight: float = 0.4
    # Re-ranking by the embedding model (English): the best `rerank_depth` passages by BM25,
    # plus `semantic_weight` times the cosine times the best BM25 score.
    rerank_depth: int = 8
    semantic_weight: float = 2.0
    # Fusion with the multilingual model, over every section: BM25 plus `model_weight` times
    # the best BM25 times the cosine min-max normalised over the document's sections, the
    # spread taken as at least `model_spread` (nearly equal cosines say nothing). The weight
    # is scaled by `model_gate` + (1 - `model_gate`) * the runner-up's BM25 / the best's: the
    # model decides less when one section clearly holds the question's words.
    model_weight: float = 4.0
    model_spread: float = 0.08
    model_gate: float = 0.5
    # The best `rerank_depth` passages found gain `coverage_weight` times the best score times
    # the idf-weighted share of the question they hold (Hit.coverage).
    coverage_weight: float = 0.2
    # A question's word the document never uses weighs this share of the rarest word's weight
    # in the share of the question a passage covers (an everyday paraphrase is no sign that
    # the policy is silent).
    unknown_weight: float = 0.3
    # Verdict: below this cosine a passage sharing one word is not about the question.
    min_similarity: float = 0.05
    # One shared word with less than `refuse_coverage` of the question is refused.
    refuse_coverage: float = 0.0
    # The verdict's logistic model: the weights of answer.verdict_features (a bias first), fitted
    # by the bench on covered against uncovered questions; an answer is confident from
    # `answer_probability` on, and a passage sharing a single word is refused below
    # `refuse_probability`. The cosine counts as its distance from `similarity_center`, and
    # only when it comes from `similarity_model`, the model the weights were fitted with
    # (another model's cosines have another scale); without it, `verdict_weights_plain` hold
    # (fitted before the model's weight was gated: the English model's re-ranking has no gate).
    verdict_weights: tuple[float, ...] = (1.094, 1.259, -0.056, 0.344, 26.032, 44.759)
    verdict_weights_plain: tuple[float, ...] = (0.148, 1.438, 0.878, 0.553, 0.0, 0.0)
    similarity_model: str = "e5-0.3.0-bundled"
    similarity_center: float = 0.852
    answer_probability: float = 0.75
    refuse_probability: float = 0.4
    # A question in another language than the policy (Hit.across) shares few words with it, if
    # any: with the model's cosine, its verdict weighs the same figures with weights and
    # thresholds of its own, fitted on such questions alone, and no rule on shared words refuses
    # it (an everyday Portuguese question on English guidelines is not "not covered" for that).
    verdict_weights_across: tuple[float, ...] = (3.445, -0.419, 1.774, -0.697, 44.686, 53.233)
    answer_probability_across: float = 0.85
    refuse_probability_across: float = 0.0


DEFAULT_TUNING = Tuning()
