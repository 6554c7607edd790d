"""Translation artefacts in English text: source-language letters and punctuation left behind, and calques
of Russian abbreviations that English-language media do not use."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Calque → what it renders; matched as whole words in capitals only, and only in a sentence about its
# subject, since the same letters mean other things in English ("the IG report": Inspector General).
CALQUES: dict[str, str] = {
    "IG": "Russian «ИГ» (Islamic State); English media write IS, ISIS or ISIL",
    "IGIL": "Russian «ИГИЛ» (ISIL)",
    "DAISh": "Russian «ДАИШ» (Daesh)",
    "VSU": "Russian «ВСУ» (Armed Forces of Ukraine); English media write AFU or Ukrainian forces",
    "DNR": "Russian «ДНР» (Donetsk People's Republic); English media write DPR",
    "LNR": "Russian «ЛНР» (Luhansk People's Republic); English media write LPR",
    "BPLA": "Russian «БПЛА» (unmanned aerial vehicle); English media write UAV or drone",
    "RSZO": "Russian «РСЗО» (multiple rocket launcher); English media write MLRS",
    "VKS": "Russian «ВКС» (Aerospace Forces)",
    "SVO": "Russian «СВО» (special military operation)",
}
_ISLAMIC_STATE_CONTEXT = r"terror|militant|jihad|islamist|islamic|syria|iraq|caliphate|(?-i:\bIS\b)|isis|isil"
_UKRAINE_CONTEXT = r"ukrain|donbas|donetsk|luhansk|lugansk|kyiv|kiev|russia|drone|shell|strike|troops|forces"
CALQUE_CONTEXT: dict[str, re.Pattern[str]] = {
    calque: re.compile(_ISLAMIC_STATE_CONTEXT if calque in ("IG", "IGIL", "DAISh") else _UKRAINE_CONTEXT, re.IGNORECASE)
    for calque in CALQUES
}
_CALQUE = re.compile(r"(?<![\w-])(" + "|".join(CALQUES) + r")(?![\w-])")
_CONTEXT_CHARS = 200
# In US news "IG" is the Inspector General.
_INSPECTOR_GENERAL = re.compile(r"inspectors?[ -]general|\bIG(?:'s|’s)? (?:report|team|office)", re.IGNORECASE)
_GUILLEMETS = re.compile(r"«[^«»\n]{1,200}»|[«»]")
_CYRILLIC_RUN = re.compile(r"[\u0400-\u04FF][\u0400-\u04FF\s.,-]*[\u0400-\u04FF]|[\u0400-\u04FF]")


@dataclass(frozen=True)
class Artefact:
    start: int
    end: int
    kind: str
    explanation: str


def find_artefacts(text: str, body_start: int) -> list[Artefact]:
    """Artefacts in the body of an English text (headers may legitimately carry a Cyrillic outlet name)."""
    found = [
        Artefact(m.start(), m.end(), "guillemets",
                 "Russian/French-style «» quotation marks in English text, typical of a translation.")
        for m in _GUILLEMETS.finditer(text, body_start)
    ]
    found += [
        Artefact(m.start(), m.end(), "calque", f"{m.group()} is a calque of {CALQUES[m.group()]}.")
        for m in _CALQUE.finditer(text)
        if _in_context(text, m.start(), m.end(), CALQUE_CONTEXT[m.group()]) and not _INSPECTOR_GENERAL.search(text)
    ]
    found += [
        Artefact(m.start(), m.end(), "source_script", "Cyrillic letters left in English text.")
        for m in _CYRILLIC_RUN.finditer(text, body_start)
    ]
    return sorted(found, key=lambda item: item.start)


def _in_context(text: str, start: int, end: int, context: re.Pattern[str]) -> bool:
    """Whether words about the calque's subject stand near it (the calque itself excluded)."""
    window = text[max(0, start - _CONTEXT_CHARS) : start] + " " + text[end : end + _CONTEXT_CHARS]
    return context.search(window) is not None
