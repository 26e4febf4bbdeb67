"""Casualties: every killed/injured/abducted figure of a report as a claim with its source and
quote. `numbers` reads figures, `syntax` finds what a figure counts, `victims` and
`perpetrators` whose toll it is, `source` who reported it, `french` the French wording, `claim`
builds the claim record; `extractor` runs them over a frame.
"""

from eventwire.extract.casualties.extractor import extract_casualties, make_casualty_extractor
from eventwire.registry import register

register("casualties")(make_casualty_extractor)

__all__ = ["extract_casualties", "make_casualty_extractor"]
