"""The tuned model: its name goes into every run's signature."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Model:
    """The tuned constants of a release, named for the data they were fitted on."""

    name: str = "tatoeba-2022"


MODEL = Model()
