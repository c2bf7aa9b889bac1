"""jieba itself, as the reference the toolkit's own Chinese word cutting is checked against
(lineage.compare.zhwords reads jieba's dictionary but never imports jieba)."""
from __future__ import annotations

import logging
from functools import lru_cache

import jieba

__all__ = ["jieba_tokenizer", "jieba_words"]


@lru_cache(maxsize=1)
def jieba_tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)  # it announces its dictionary loading on stderr
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def jieba_words(run: str) -> list[str]:
    """jieba's accurate-mode words of ``run`` without the HMM guesser."""
    return list(jieba_tokenizer().cut(run, HMM=False))
