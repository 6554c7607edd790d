"""Claims and sourcing: factual sentences, who they are attributed to, and how they are hedged."""

from newsprobe.claims.analyzer import ClaimsAnalyzer, find_claims, is_claim
from newsprobe.claims.attribution import find_attribution, source_kind
from newsprobe.claims.hedges import find_hedges
from newsprobe.claims.sentences import split_sentences

__all__ = [
    "ClaimsAnalyzer",
    "find_attribution",
    "find_claims",
    "find_hedges",
    "is_claim",
    "source_kind",
    "split_sentences",
]
