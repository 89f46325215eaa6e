"""Character classes every text rule shares: the search split (one word per CJK character),
the tagger's tokenizer and language guess. One definition, so the store and the tagger never
disagree about what counts as kana, kanji or hangul.
"""

from __future__ import annotations

import re

KANA = "\u3040-\u30ff"
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HANGUL = "\uac00-\ud7af"
HALFWIDTH_KANA = "\uff66-\uff9f"
CJK_PUNCTUATION = "\u3000-\u303f"

CJK_CHARS = KANA + HAN + HANGUL + HALFWIDTH_KANA
"""Written without spaces between words: search indexes and matches these one character at a time."""

KANA_RE = re.compile(f"[{KANA}]")
JAPANESE_RE = re.compile(f"[{KANA}{HAN}]")
CJK_TEXT_RE = re.compile(f"[{KANA}{HAN}{HANGUL}]")
"""Kana, kanji or hangul: names in these scripts are found inside runs of text, not as words."""
