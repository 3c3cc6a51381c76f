"""Japanese and Chinese script: no spaces between words, so rules about words and line breaks treat it apart."""

from __future__ import annotations

import re

CJK_CHARS = "\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
"""Character ranges of kana, kanji and their punctuation and full-width forms, for use inside ``[...]``."""
CJK = re.compile(f"[{CJK_CHARS}]")
