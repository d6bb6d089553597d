"""Read printed PDFs back: text per page, page sizes and fonts."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader


class Pdf:
    def __init__(self, path):
        self.reader = PdfReader(str(path))
        self.pages = [page.extract_text() or "" for page in self.reader.pages]
        # Layout breaks text into lines; compare without line breaks and spaces.
        self.flat = [re.sub(r"\s+", "", text) for text in self.pages]

    @property
    def text(self) -> str:
        return "".join(self.flat)

    def page_of(self, needle: str) -> int:
        """1-based number of the first page containing ``needle``."""
        return next(n for n, text in enumerate(self.flat, start=1) if needle in text)

    def fonts(self) -> list[tuple[str, bool]]:
        """(font name, embedded) for every font the pages use."""
        found = {}
        for page in self.reader.pages:
            resources = page.get("/Resources") or {}
            for font in (resources.get("/Font") or {}).values():
                font = font.get_object()
                descendants = font.get("/DescendantFonts")
                descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
                descriptor = descriptor.get_object() if descriptor else {}
                embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                found[str(font.get("/BaseFont"))] = embedded
        return sorted(found.items())


@pytest.fixture
def ledger(demo_ledger):
    return demo_ledger
