"""Reading 改造内容 as clerks write it (domain.md §5): measures from group words and everyday phrases.

A county's ledger says "一清二拆三改", "白改黑、雨污分流、三线下地、补植绿化" or "一清：清理卫生死角；
二拆：拆除违建3处；三改：…". :class:`ContentReader` finds the catalogue's measures in such text by
the profile's data — each measure's name, short name and ``phrases``, and the group words
一清/二拆/三改/四补 — so a province adds a phrase to its profile, not to this code.

The text itself is kept word for word on the plan; what is read from it is the plan's measures,
the groups named without any of their measures (the group as the clerk declared it, for R2 to ask
for specifics), and the pieces of text nothing was recognised in, for the clerk to look at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from core.exchange.values import normalize_text
from core.profile import Profile

GROUPS = ("一清", "二拆", "三改", "四补")

# Separators between the items of a list of measures, as typed in Chinese and Western punctuation
# (full-width forms are folded to half-width before this is applied).
_SEPARATORS = re.compile(r"[、,;。:/|()\[\]{}【】<>《》\s]+|(?<=[^\d])\.(?=\D)")
# Numbering in front of an item: "1.", "1、", "(1)", "①", "一是", "第一".
_NUMBERING = re.compile(r"^(?:\d+[.、)]?|[①-⑳]|[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[项条点]?)")
# Items that carry nothing to recognise: connecting words and numbers, not an unknown measure.
_FILLER = re.compile(r"^(?:等|及|和|与|以及|其他|其它|无|/|-+|—+|\d+(?:\.\d+)?[处米个项平方米㎡条盏棵户座]*|"
                     r"改造|提升|整治|建设|完善|工程|项目|内容|主要|包括|含)+$")


@dataclass(frozen=True)
class ContentReading:
    """What one 改造内容 text says, read against the profile's catalogue."""

    codes: tuple[str, ...]
    """Measure codes recognised, in catalogue order (in the text's order when it is ``exact``)."""
    declared_groups: tuple[str, ...]
    """Groups named (三改, 四补) without any of their measures recognised."""
    unrecognised: tuple[str, ...]
    """Pieces of the text in which nothing was recognised, as written."""
    exact: bool
    """The text is nothing but catalogue names (how the program itself writes measures)."""


class ContentReader:
    """Recognises the profile's measures in free text; each distinct text is read once."""

    def __init__(self, profile: Profile):
        self.profile = profile
        self.order = {m.code: n for n, m in enumerate(profile.measures)}
        self.group_measures = {g: [m.code for m in profile.measures_in(g)] for g in GROUPS}
        phrases: dict[str, str] = {}  # normalised phrase -> measure code, or "group:三改"
        self.names: dict[str, str] = {}  # catalogue name / short name / code -> code (exact text)
        for m in profile.measures:
            for name in (m.code, m.name, m.short):
                if name:
                    self.names[_key(name)] = m.code
        for m in profile.measures:
            for phrase in (m.name, m.short, *m.phrases):
                if phrase:
                    phrases.setdefault(_key(phrase), m.code)
        for group in GROUPS:
            phrases[_key(group)] = f"group:{group}"
        self.phrases = phrases
        # Longest first: at each position the regex takes the first alternative that matches.
        alternatives = sorted(phrases, key=lambda p: (-len(p), p))
        self.pattern = re.compile("|".join(re.escape(p) for p in alternatives))
        self.read = lru_cache(maxsize=4096)(self._read)

    def _read(self, text: str) -> ContentReading:
        flat = _key(text)
        parts = [p for p in re.split(r"[、,;\s]+", flat) if p]
        if parts and all(p in self.names for p in parts):
            # The program's own words: the measures in the order it wrote them.
            return ContentReading(tuple(dict.fromkeys(self.names[p] for p in parts)), (), (), True)
        found: list[tuple[int, int, str]] = [(m.start(), m.end(), self.phrases[m.group()])
                                             for m in self.pattern.finditer(flat)]
        codes: set[str] = set()
        groups: set[str] = set()
        for _, _, meaning in found:
            if meaning.startswith("group:"):
                groups.add(meaning[6:])
            else:
                codes.add(meaning)
        declared = []
        for group in GROUPS:
            if group not in groups:
                continue
            members = self.group_measures[group]
            if any(code in codes for code in members):
                continue
            if len(members) == 1:
                codes.add(members[0])  # the group is its one measure: nothing left to specify
            elif members:
                declared.append(group)
        return ContentReading(self._ordered(codes), tuple(declared), self._unrecognised(flat, found), False)

    def _ordered(self, codes: set[str]) -> tuple[str, ...]:
        return tuple(sorted(codes, key=self.order.__getitem__))

    def _unrecognised(self, flat: str, found: list[tuple[int, int, str]]) -> tuple[str, ...]:
        """The items of the text (between separators) that no phrase falls in."""
        covered = bytearray(len(flat))
        for start, end, _ in found:
            covered[start:end] = b"\x01" * (end - start)
        out: list[str] = []
        position = 0
        for piece in _SEPARATORS.split(flat):
            start = flat.find(piece, position) if piece else position
            position = start + len(piece)
            item = _NUMBERING.sub("", piece)
            if not item or _FILLER.match(item) or any(covered[start:start + len(piece)]):
                continue
            if item not in out:
                out.append(item)
        return tuple(out)

    def group_names(self, group: str) -> str:
        """The measures of ``group`` by name, for a message asking which of them is meant."""
        return "、".join(m.name for m in self.profile.measures_in(group))


def _key(text: str) -> str:
    """Text as phrases are looked up: full-width folded to half-width, spaces inside kept single."""
    return normalize_text(text)


__all__ = ["GROUPS", "ContentReader", "ContentReading"]
