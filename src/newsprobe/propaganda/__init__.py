"""Propaganda techniques (PTC taxonomy): find the spans that use one, name it, explain it.

A fine-tuned MiniLM span tagger and span classifier shipped as int8 ONNX; run time needs only
onnxruntime and tokenizers.
"""

from newsprobe.propaganda.analyzer import PropagandaAnalyzer, summarise
from newsprobe.propaganda.corpus import GoldSpan, article_number, in_dev_split, read_corpus
from newsprobe.propaganda.metrics import Scores, merge_spans, si_scores, tc_scores
from newsprobe.propaganda.model import Detection, PropagandaModel, load_model
from newsprobe.propaganda.techniques import LABELS, TECHNIQUES, Technique, technique_legend

__all__ = [
    "LABELS",
    "TECHNIQUES",
    "Detection",
    "GoldSpan",
    "PropagandaAnalyzer",
    "PropagandaModel",
    "Scores",
    "Technique",
    "article_number",
    "in_dev_split",
    "load_model",
    "merge_spans",
    "read_corpus",
    "si_scores",
    "summarise",
    "tc_scores",
    "technique_legend",
]
