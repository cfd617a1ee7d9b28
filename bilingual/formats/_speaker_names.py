"""Speaker names as exporters write them: quotes around a name are not part of it."""

from __future__ import annotations

import regex

_QUOTED = regex.compile(r'^(?:"(?P<a>[^"]+)"|“(?P<b>[^”]+)”|「(?P<c>[^」]+)」|\'(?P<d>[^\']+)\')$')


def unquote(name: str) -> str:
    """``name`` without one pair of quotes around all of it (ASCII, curly or corner).

    >>> unquote('"刘洋"'), unquote("“Amy Lin”"), unquote('A "B" C'), unquote('"')
    ('刘洋', 'Amy Lin', 'A "B" C', '"')
    """
    match = _QUOTED.match(name)
    if match is None:
        return name
    return next(group for group in match.groups() if group is not None)
