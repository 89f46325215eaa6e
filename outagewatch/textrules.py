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

ASCII_BYTES = bytes(range(128))


def beyond_ascii(text: str) -> str:
    """The characters of ``text`` beyond ASCII, in order ("café 😍" -> "é😍"): a check for kana, hangul or a
    letter beyond ASCII reads these few instead of the whole text (a regex scans a post with an emoji in it
    character by character; its UTF-8 bytes lose their ASCII ones in one C call). Lone surrogates are kept."""
    return text.encode("utf-8", "surrogatepass").translate(None, ASCII_BYTES).decode("utf-8", "surrogatepass")
