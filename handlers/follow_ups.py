"""A person's question before, to read a short follow-up with ("and on TikTok?"), as the
assistant pane reads its thread's: kept in the process only, for FOLLOW_UP_WITHIN seconds and
for the ASKERS_KEPT people who asked last."""

from __future__ import annotations

import re
from collections import OrderedDict

# A question that reads as a follow-up of the one before ("and on TikTok?"): a few words, or
# an opening that goes on from it; read with the person's question before it when that came
# within FOLLOW_UP_WITHIN seconds.
FOLLOW_UP_WORDS = 4
FOLLOW_UP_OPENINGS = re.compile(
    r"^(and|also|or|what about|how about|what if|og|und|en|et|y|och)\b", re.IGNORECASE
)
FOLLOW_UP_WITHIN = 15 * 60.0
# The most askers whose question before is kept: a workforce asking at once stays bounded.
ASKERS_KEPT = 10_000

Asker = tuple[str, str]  # (platform, user id)


def is_follow_up(text: str) -> bool:
    """Whether a question reads as a follow-up of the one before ("and on Instagram?")."""
    return len(text.split()) <= FOLLOW_UP_WORDS or bool(FOLLOW_UP_OPENINGS.match(text.strip()))


class QuestionsBefore:
    """Each asker's last question and when it came (`time.monotonic()`), the oldest dropped
    once FOLLOW_UP_WITHIN has passed or more than `kept` people asked since."""

    def __init__(self, kept: int = ASKERS_KEPT) -> None:
        self.kept = kept
        self._asked: OrderedDict[Asker, tuple[str, float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._asked)

    def recent(self, asker: Asker, now: float) -> str:
        """The asker's question before, when it came within FOLLOW_UP_WITHIN; else ""."""
        before, asked_at = self._asked.get(asker, ("", 0.0))
        return before if now - asked_at <= FOLLOW_UP_WITHIN else ""

    def remember(self, asker: Asker, question: str, now: float) -> None:
        """Keep `question` as the asker's question before, at `now`."""
        self._asked[asker] = (question, now)
        self._asked.move_to_end(asker)
        while self._asked:
            _, (_, oldest) = next(iter(self._asked.items()))
            if len(self._asked) <= self.kept and now - oldest <= FOLLOW_UP_WITHIN:
                break
            self._asked.popitem(last=False)
