"""How sure the extractor is of one figure: `confidence(evidence) -> float` in [0, 1].

The score starts at `CONFIDENCE_WEIGHTS['base']` (1.0) and loses a weight for each
weak piece of evidence the figure rests on (the weights are data, in
`lexicon/attribution.py`):

* the number: a bare number with no unit in running text or a label:value line
  (`bare_number`; a table's unit is in its header or row label);
* the metric: no cue word that maps this unit to this metric in the clause, the
  metric was inherited from a neighbouring clause or read off a share (`weak_cue`);
* the context: one of many figures in one unpunctuated run (an infographic line,
  glued cells), where the words around it may belong to its neighbours
  (`crowded_clause`);
* the year: no year word in the sentence, so the section's or the report's year
  (`inferred_year`); a relative word 去年/今年 (`relative_year`); no year (`no_year`);
* the library: named in an earlier sentence of the paragraph (`nearby_library`);
  named nowhere near the figure while the text names an unplaced library or
  several libraries/regions (`guessed_library`); no library or region at all, or a
  region whose place is never said (`no_library`);
* scope `unknown`, period `partial` or `plan`.

Explicit unit + strong cue + explicit year + named library → 1.0; a bare number
with an inferred year in a report whose library is unknown → about 0.4. The
data-quality layer compares only figures above a threshold, so a wrong
attribution should (and usually does) rest on weak evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon.attribution import CONFIDENCE_WEIGHTS as W


@dataclass
class Evidence:
    bare_number: bool = False
    weak_cue: bool = False
    crowded: bool = False  # one of many figures in an unpunctuated run
    year: str = "explicit"  # explicit / relative / inferred / none
    library: str = "named"  # named / own / nearby / guessed / none
    scope: str = "library"
    period: str = "year"


def confidence(e: Evidence) -> float:
    c = W["base"]
    if e.bare_number:
        c -= W["bare_number"]
    if e.weak_cue:
        c -= W["weak_cue"]
    if e.crowded:
        c -= W["crowded_clause"]
    c -= {"relative": W["relative_year"], "inferred": W["inferred_year"], "none": W["no_year"]}.get(e.year, 0.0)
    c -= {"nearby": W["nearby_library"], "guessed": W["guessed_library"], "none": W["no_library"]}.get(e.library, 0.0)
    if e.scope == "unknown":
        c -= W["unknown_scope"]
    c -= {"partial": W["partial_period"], "plan": W["plan_period"]}.get(e.period, 0.0)
    return round(max(W["floor"], min(1.0, c)), 3)
