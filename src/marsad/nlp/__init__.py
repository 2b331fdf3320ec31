"""Sentences, language and the parse: the text layer every later stage reads."""

from marsad.nlp.language import detect_language
from marsad.nlp.sentences import split_sentences

__all__ = ["detect_language", "split_sentences"]
