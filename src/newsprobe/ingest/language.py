"""Language identification with py3langid (its model ships in the wheel), restricted to likely languages."""

from __future__ import annotations

import functools

from py3langid.langid import MODEL_FILE, LanguageIdentifier

_SAMPLE_CHARS = 3000


@functools.cache
def _identifier(languages: tuple[str, ...]) -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(languages))
    return identifier


def detect_language(text: str, languages: tuple[str, ...]) -> tuple[str | None, float | None]:
    """ISO 639-1 code and probability of the most likely language among `languages`."""
    sample = text[:_SAMPLE_CHARS]
    if not any(char.isalpha() for char in sample):
        return None, None
    code, probability = _identifier(languages).classify(sample)
    return str(code), round(float(probability), 4)
