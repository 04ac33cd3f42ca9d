"""Re-ranking BM25's best sections with a static embedding model: a fake one, and the real one."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

import pytest

from handlers.guidelines.answer import offline_answer
from handlers.guidelines.embedding import WordLlamaEmbedder, load_embedder
from handlers.guidelines.retrieval import Index
from handlers.guidelines.sections import split_sections

if TYPE_CHECKING:
    from handlers.guidelines.embedding import Vectors

np = pytest.importorskip("numpy")

GUIDELINES = """# Rules

## Photos
You may post photos from company events.

## Profile
Keep your profile up to date and post with care.
"""


class FakeEmbedder:
    """Reads "painting" and "photos" as one meaning, "parcel" as another, the rest as noise;
    English only, like wordllama."""

    MEANINGS: ClassVar[dict[str, int]] = {"painting": 0, "photos": 0, "photo": 0, "parcel": 1}
    made = itertools.count()
    languages: frozenset[str] | None = frozenset({"en"})

    def __init__(self) -> None:
        self.calls = 0
        # Vectors are kept per model name: each fake is a model of its own.
        self.name = f"fake-{next(self.made)}"

    def embed(self, texts: Sequence[str], *, query: bool = False) -> Vectors:
        self.calls += 1
        rows = np.zeros((len(texts), 3), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().replace("?", " ").split():
                if word in self.MEANINGS:
                    rows[row, self.MEANINGS[word]] += 1
            rows[row, 2] += 0.01
            rows[row] /= np.linalg.norm(rows[row])
        vectors: Vectors = rows
        return vectors


def test_bm25_alone_ranks_by_shared_words() -> None:
    index = Index(split_sections(GUIDELINES), semantic=False)
    hits = index.search("Can I post a painting on my profile?")
    assert hits[0].section.title == "Profile"


def test_the_embedding_model_brings_the_section_that_means_it_first() -> None:
    fake = FakeEmbedder()
    index = Index(split_sections(GUIDELINES), embedder=fake)
    hits = index.search("Can I post a painting on my profile?")
    assert [hit.section.title for hit in hits[:2]] == ["Photos", "Profile"]
    assert hits[0].score >= hits[1].score
    calls = fake.calls
    index.search("Can I post a painting?")
    assert fake.calls == calls + 1, "the sections are embedded once, then only the question"


def test_a_question_nothing_matches_is_not_reranked_into_an_answer() -> None:
    index = Index(split_sections(GUIDELINES), embedder=FakeEmbedder())
    assert index.search("Hvornår er der frokost?") == []
    assert offline_answer(index, "When is lunch?").verdict == "not_covered"


def test_the_english_model_loads_from_its_wheel() -> None:
    model = load_embedder("wordllama")
    assert isinstance(model, WordLlamaEmbedder)
    assert load_embedder("wordllama") is model, "loaded once per process"
    vectors = model.embed(["Can I make my profile private?", "privacy settings", "hashtags"])
    assert vectors.shape == (3, 256)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_a_danish_question_is_not_embedded_by_the_english_model() -> None:
    fake = FakeEmbedder()
    index = Index(split_sections(GUIDELINES), embedder=fake)
    index.prepare()
    calls = fake.calls
    [hit, *_] = index.search("Må jeg lægge photos op på min profile?")
    assert fake.calls == calls, "the question was not embedded"
    assert hit.similarity is None


def test_one_shared_word_far_from_every_sentence_is_not_covered() -> None:
    fake = FakeEmbedder()
    index = Index(split_sections(GUIDELINES), embedder=fake)
    # "post" is the only shared word, and the model finds no meaning in common with any sentence.
    answer = offline_answer(index, "Can I post a parcel from the mail room on Instagram?")
    assert answer.sources and answer.sources[0].section in {"Photos", "Profile"}
    assert answer.verdict == "not_covered"
    assert offline_answer(index, "Can I post a painting on Instagram?").verdict != "not_covered"


NESTED = """# Policy

## LinkedIn
### Profile
Keep your LinkedIn profile current.
### Connections
Connect with care on LinkedIn.
### Company posts
Share company posts on LinkedIn.

## Securities
Never hint at announcements on LinkedIn or anywhere else.
"""


def test_at_most_two_of_the_sections_found_share_a_parent_heading() -> None:
    index = Index(split_sections(NESTED), semantic=False)
    titles = [hit.section.title for hit in index.search("Can I hint on LinkedIn?", limit=3)]
    assert "Securities" in titles
    assert len([title for title in titles if title != "Securities"]) == 2


TITLED = """# Social media policy
Never post passwords.

## Photos
Ask before you post a photo of a colleague.

## Event photos
A photo from an event may be posted after it.

## Customer photos
Never post a photo of a customer without written consent.
"""


def test_the_documents_title_above_every_section_is_no_chapter() -> None:
    index = Index(split_sections(TITLED), semantic=False)
    titles = [hit.section.title for hit in index.search("Can I post a photo?", limit=3)]
    assert sorted(titles) == ["Customer photos", "Event photos", "Photos"]
