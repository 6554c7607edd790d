"""Does a sentence tell something that happened, or describe a state of affairs?

The classifier reads ACLED notes, which only ever tell events; news around an event also describes how
things stand ("the southeast is no longer a problem area", "residents say the militants are demoralized",
"there are cases of defection"). Those sentences share the vocabulary of strategic developments (defection,
territory, fugitives) and the model codes them confidently. What separates them is grammar: a reported
development is told in the past ("the group announced", "police have arrested", "the town was handed
over"); a description is in the present or habitual. The main clause decides, with what a reporting verb
introduces ("officials said the rebels had withdrawn"); relative and adverbial clauses do not
("residents who were rescued say…").
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from newsprobe.errors import Errors, NewsprobeError
from newsprobe.places.recognize import SPACY_MODEL

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span, Token

MAIN_CLAUSE_DEPS = ("conj", "ccomp", "parataxis")  # clauses that carry the report, not qualify a noun
PERFECT_OR_PAST_AUX = ("has", "have", "had", "been", "'s", "'ve")
NEGATING_DETERMINERS = ("neither", "no", "none")


@functools.cache
def load_parser() -> Language:
    """The spaCy English pipeline reduced to its tagger and parser (the places layer runs NER)."""
    import spacy

    try:
        return spacy.load(SPACY_MODEL, exclude=["ner", "lemmatizer", "senter", "attribute_ruler"])
    except OSError as error:
        raise NewsprobeError(Errors.E202, name=SPACY_MODEL) from error


def _is_past(verb: Token) -> bool:
    """Simple past, perfect or past passive. A participle with no auxiliary is a finite past the tagger
    misread when it heads the sentence or has a subject ("The group announced on Tuesday…"); coordinated
    after a copula it is an adjective ("are hungry and demoralised")."""
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ != "VBN":
        return False
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if not auxiliaries:
        return verb.dep_ in ("ROOT", "acl") or any(child.dep_ == "nsubj" for child in verb.children)
    return any(a.tag_ == "VBD" or a.lower_ in PERFECT_OR_PAST_AUX for a in auxiliaries)


def _negated(verb: Token) -> bool:
    """"did not withdraw", "neither the bombers nor the elite groups managed to…": nothing happened."""
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
    return any(child.dep_ == "neg" for child in verb.children) or \
        any(token.lower_ in NEGATING_DETERMINERS for subject in subjects for token in subject.subtree)


def _main_clauses(root: Token) -> list[Token]:
    """The root and the clauses coordinated with it or reported by it, recursively."""
    found, todo = [], [root]
    while todo:
        head = todo.pop()
        found.append(head)
        todo += [child for child in head.children if child.dep_ in MAIN_CLAUSE_DEPS]
    return found


def happenings(sentences: list[str]) -> list[bool]:
    """For each sentence, whether a main clause of it (or one a reporting verb introduces) is in the past.

    Args:
        sentences: sentences of news, parsed in one batch.

    Returns:
        Whether each reports something that happened rather than describing a state.
    """
    return [any(_is_past(verb) and not _negated(verb) for sent in doc.sents for verb in _clauses(sent))
            for doc in load_parser().pipe(sentences)]


def tells_happening(sentence: str) -> bool:
    """`happenings` of one sentence."""
    return happenings([sentence])[0]


def _clauses(sent: Span) -> list[Token]:
    """The main clauses; when the parser found no verb at the root ("Two men on a motorcycle hurled…" read
    as a noun phrase), every verb outside relative clauses."""
    if _is_verb(sent.root):
        return _main_clauses(sent.root)
    return [token for token in sent if _is_verb(token) and token.dep_ != "relcl"]


def _is_verb(token: Token) -> bool:
    """A verb or modal by its Penn tag (the tagger's own output: no attribute ruler needed)."""
    return token.tag_.startswith("VB") or token.tag_ == "MD"
