"""Detection: which sentences of an article state an event that happened, grouped into one
`EventFrame` per incident. `sentences` chooses the event sentences and splits the incidents;
`literal` tells a literal act of violence from metaphor, accidents, disasters and ordinary
deaths (lexicon: data/lexicons/detection.toml).
"""

from eventwire.extract.detect.sentences import (
    DETECTION,
    Detection,
    detect_frames,
    detection_patterns,
    event_sentences,
    make_detector,
    split_events,
)
from eventwire.registry import register

register("detect")(make_detector)

__all__ = [
    "DETECTION",
    "Detection",
    "detect_frames",
    "detection_patterns",
    "event_sentences",
    "make_detector",
    "split_events",
]
