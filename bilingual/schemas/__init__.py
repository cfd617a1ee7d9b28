"""JSON Schemas (draft 2020-12) of the three JSONL layouts, shipped with the package."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def load_schema(layout: str) -> dict[str, Any]:
    """The JSON Schema of a layout (``messages``, ``segments`` or ``pairs``).

    >>> load_schema("pairs")["required"]
    ['id', 'translation', 'score', 'source', 'line']
    """
    text = resources.files(__package__).joinpath(f"{layout}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
