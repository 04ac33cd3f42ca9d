"""The learnt check: a logistic regression per kind of concern over multilingual-e5-small's
vector of the draft and a few general features, trained by bench/train_checks.py on the labelled
dev drafts. It runs beside the phrase checks, only on drafts they find nothing in, and only adds
concerns: new wording the phrase lists miss. Its weights fit one embedding model only."""

from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from handlers.checks.concerns import Concern, Kind, Span
from handlers.checks.disclosure import discloses
from handlers.checks.text import links, name_pattern, sentences_of
from handlers.guidelines.embedding import Embedder, load_embedder
from handlers.texts import text_for

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Floats = npt.NDArray[np.float32]

log = logging.getLogger(__name__)

WEIGHTS = Path(__file__).with_name("learnt.json")
# The reason each kind gives, and its fix (the phrase checks' own fix).
REASONS = {
    Kind.DISCLOSURE: ("learnt_disclosure", "fix_disclosure"),
    Kind.REPLY_TO_CRITICISM: ("learnt_criticism", "fix_criticism"),
}
_MENTION = re.compile(r"^\s*@\w")
_YOU = re.compile(
    r"(?<!\w)(?:you|your|du|dig|din|dit|dine|dich|dir|dein\w*|euch|euer|jij|jou|jouw|uw|vous"
    r"|votre|vos|tu|toi|dere|deg|ditt|dina)(?!\w)",
    re.IGNORECASE,
)
_WE = re.compile(
    r"(?<!\w)(?:we|our|us|vi|vores|wir|unser\w*|uns|vår|våra|vårt|wij|ons|onze|nous|notre|nos)(?!\w)",
    re.IGNORECASE,
)
# The general features, in the order of the weights after the vector's.
FEATURES = ("mention_first", "second_person", "first_person_plural", "company", "link", "length")


def features(draft: str, company_names: Sequence[str]) -> list[float]:
    """The general features of `draft`, as FEATURES names them: an @mention first, "you", "we",
    one of the company's names (its site's links too), any link, and the length (to 600)."""
    names = name_pattern(company_names) if company_names else None
    return [
        float(_MENTION.match(draft) is not None),
        float(_YOU.search(draft) is not None),
        float(_WE.search(draft) is not None),
        float(names is not None and names.search(draft) is not None),
        float(next(links(draft), None) is not None),
        min(len(draft), 600) / 600,
    ]


def eligible(
    kind: Kind, draft: str, feature: Sequence[float], company_names: tuple[str, ...], profile: str
) -> bool:
    """Whether the learnt check looks at `kind` in `draft` (its `feature`s): disclosure only when
    it names the company and neither it nor the `profile` says the author works there; a reply
    only when it names someone first, or the company, or links. The others are left to the
    phrases (and not embedded: most drafts take no extra time)."""
    mention_first, _, _, company, link, _ = feature
    if kind is Kind.DISCLOSURE:
        return bool(company) and not discloses(draft, company_names, profile)
    return bool(mention_first or company or link)


@dataclass(frozen=True)
class Model:
    """One kind's weights: over the vector then FEATURES, a bias, and the score that flags."""

    weights: Floats
    bias: float
    threshold: float

    def score(self, vector: Floats, feature: Sequence[float]) -> float:
        """The logistic regression's score (its log-odds) of one draft."""
        import numpy

        x = numpy.concatenate([vector, numpy.asarray(feature, dtype=numpy.float32)])
        return float(x @ self.weights) + self.bias


@dataclass(frozen=True)
class Weights:
    """The learnt check: the embedding model its weights fit, and each kind's model."""

    embedding: str
    models: Mapping[Kind, Model]


def read_weights(path: Path = WEIGHTS) -> Weights:
    """The weights bench/train_checks.py wrote to `path`."""
    import numpy

    data = json.loads(path.read_text(encoding="utf-8"))
    if data["features"] != list(FEATURES):
        raise ValueError(f"{path.name} was trained on other features: {data['features']}")
    return Weights(
        data["embedding"],
        {
            Kind(kind): Model(
                numpy.asarray(model["weights"], dtype=numpy.float32),
                float(model["bias"]),
                float(model["threshold"]),
            )
            for kind, model in data["kinds"].items()
        },
    )


@functools.cache
def _loaded(embedding: str | None) -> tuple[Embedder, Weights] | None:
    """The embedding model `embedding` names and the weights, when they fit each other; else
    None, said once in the log (per process and setting)."""
    try:
        weights = read_weights()
    except (OSError, ValueError, KeyError) as error:
        log.warning("the learnt check is off: cannot read %s (%s)", WEIGHTS.name, error)
        return None
    model = load_embedder(embedding)
    if model is None or model.name != weights.embedding:
        log.warning(
            "the learnt check is off: its weights fit the embedding model %s, not %s",
            weights.embedding,
            model.name if model else "none",
        )
        return None
    return model, weights


def learnt(
    draft: str,
    found: Sequence[Concern],
    company_names: tuple[str, ...],
    profile: str,
    sections: Mapping[Kind, str],
    language: str,
    embedding: str | None = None,
) -> list[Concern]:
    """The learnt concerns of `draft` (with the embedding model `embedding` names, see
    `load_embedder`), when the phrase checks `found` nothing: each cites its kind's section and
    spans the sentence that scores highest."""
    if found:
        return []
    feature = features(draft, company_names)
    kinds = [kind for kind in REASONS if eligible(kind, draft, feature, company_names, profile)]
    loaded = _loaded(embedding) if kinds else None
    if loaded is None:
        return []
    model, weights = loaded
    vector = model.embed([draft])[0]
    concerns = []
    for kind in kinds:
        kind_model = weights.models.get(kind)
        if kind_model is None or kind_model.score(vector, feature) < kind_model.threshold:
            continue
        reason, fix = REASONS[kind]
        concerns.append(
            Concern(
                kind,
                sections[kind],
                text_for(reason, language),
                _sentence(draft, model, kind_model, company_names),
                text_for(fix, language, company=company_names[0] if company_names else ""),
            )
        )
    return concerns


def _sentence(
    draft: str, model: Embedder, kind_model: Model, company_names: tuple[str, ...]
) -> Span:
    """The sentence of `draft` that scores highest (the whole draft when it is one)."""
    spans = [span for span in sentences_of(draft) if span.text.strip()]
    if len(spans) < 2:
        return Span.of(draft, 0, len(draft))
    vectors = model.embed([span.text for span in spans])
    scores = [
        kind_model.score(vector, features(span.text, company_names))
        for vector, span in zip(vectors, spans, strict=True)
    ]
    return spans[scores.index(max(scores))]
