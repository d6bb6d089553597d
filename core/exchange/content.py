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
# Numbering in front of an item: "1.", "1、", "(1)", "①", "一是", "第一", or a lone 一、二、.
_NUMBERING = re.compile(r"^(?:\d+[.、)]?|[①-⑳]|[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[项条点]?|[一二三四五六七八九十]+$)")
# Items that carry nothing to recognise: connecting words, and quantities (3处, 50m2, 共120平方米,
# 新增20盏, DN300), not an unknown measure.
_FILLER = re.compile(
    r"^(?:等|及|和|与|以及|其他|其它|/|-+|—+|"
    r"(?:共|约|计|合计|总计|新增|新建|更换|安装|长|宽|面积)?\d+(?:\.\d+)?"
    r"(?:处|米|m|m2|m3|km|公里|个|项|平方米|平米|条|盏|棵|株|户|座|块|根|套|间|眼|口|栋)?|dn\d+|"
    r"改造|提升|整治|建设|完善|工程|项目|内容|主要|包括|含)+$", re.IGNORECASE)
# Words that say a group or measure is not done: 二拆：无, 无违建, 不涉及拆违, 二拆：/.
_NEGATION = re.compile(r"无|不涉及|未涉及|不需要|无需|暂不|没有|不含|^:?[/\-—]+$")
# The clauses a negation word reaches: between these marks.
_CLAUSES = re.compile(r"[、,;。\n]+")


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
        self.catalogue_names = {m.code: m.name for m in profile.measures}
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
            named = tuple(dict.fromkeys(self.names[p] for p in parts))
            # The program's own words (as its export writes them) stand for its measures; any other
            # wording of catalogue names is the clerk's and is kept as written.
            exact = text == "、".join(self.catalogue_names[c] for c in named)
            return ContentReading(named, (), (), exact)
        found: list[tuple[int, int, str]] = []
        for clause in _clauses(flat):
            start, end = clause
            matches = [(m.start(), m.end(), self.phrases[m.group()]) for m in self.pattern.finditer(flat, start, end)]
            if matches and _negated(flat, start, end, matches):
                found.append((start, end, "none"))  # understood, all of it: not done
                continue
            found += matches
        codes: set[str] = set()
        groups: set[str] = set()
        for _, _, meaning in found:
            if meaning.startswith("group:"):
                groups.add(meaning[6:])
            elif meaning != "none":
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
            if not piece or _FILLER.match(piece) or any(covered[start:start + len(piece)]):
                continue
            item = _NUMBERING.sub("", piece)
            if not item or _FILLER.match(item):
                continue
            if item not in out:
                out.append(item)
        return tuple(out)

    def group_names(self, group: str) -> str:
        """The measures of ``group`` by name, for a message asking which of them is meant."""
        return "、".join(m.name for m in self.profile.measures_in(group))


def _clauses(flat: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of the text: a group's name and what follows it up to the next
    group, or the pieces between 、,; — the reach of a negation word (二拆：无 says nothing of 三改)."""
    out = []
    start = 0
    for mark in _CLAUSES.finditer(flat):
        out.append((start, mark.start()))
        start = mark.end()
    out.append((start, len(flat)))
    split = []
    for start, end in out:
        # "一清：清理卫生死角 二拆：无" without a separator: a group word starts a clause of its own.
        cuts = [m.start() for m in re.finditer("|".join(GROUPS), flat[start:end])]
        bounds = sorted({0, *cuts, end - start})
        split += [(start + a, start + b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    return split


def _negated(flat: str, start: int, end: int, matches: list[tuple[int, int, str]]) -> bool:
    """Whether the clause says its measures are not done: a negation word outside the phrases
    found in it (so 无障碍, a road measure, is not a negation)."""
    rest = list(flat[start:end])
    for a, b, _ in matches:
        rest[a - start:b - start] = " " * (b - a)
    words = "".join(rest).strip()
    return bool(_NEGATION.search(words))


def _key(text: str) -> str:
    """Text as phrases are looked up: full-width folded to half-width, spaces inside kept single."""
    return normalize_text(text)


__all__ = ["GROUPS", "ContentReader", "ContentReading"]
