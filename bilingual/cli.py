"""The command line: a thin typer layer over the library.

Exit codes: 0 success, 2 usage error (bad option or value), 3 input error (missing or
unreadable input), 4 output error (cannot write), 130 interrupted, 141 output pipe closed.
"""

from __future__ import annotations

import contextlib
import enum
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, BinaryIO

import typer

from bilingual import __version__
from bilingual.convert import ALL_CONFIGS, DEFAULT_SIMPLIFY, SIMPLIFY_CONFIGS, check_config, convert
from bilingual.decode import Line, read_lines
from bilingual.dedup import dedup as collapse_duplicates
from bilingual.errors import BilingualError, ConfigError, InputError
from bilingual.formats import sniff
from bilingual.options import Options
from bilingual.output import atomic_output
from bilingual.pipeline import process_file, process_lines
from bilingual.records import Record
from bilingual.stats import collect, render
from bilingual.writers.jsonl import write_jsonl
from bilingual.writers.moses import write_moses
from bilingual.writers.tmx import write_tmx
from bilingual.writers.tsv import write_tsv

EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_OUTPUT = 4
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141

app = typer.Typer(
    help="Split mixed English/Chinese message dumps into clean per-language records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Layout(enum.StrEnum):
    """The JSONL layouts (see ``bilingual.writers.jsonl``)."""

    messages = "messages"
    segments = "segments"
    pairs = "pairs"


class InputFormat(enum.StrEnum):
    """The input formats ``--format`` accepts."""

    auto = "auto"
    whatsapp = "whatsapp"
    line = "line"
    telegram = "telegram"
    wechat = "wechat"
    transcript = "transcript"
    mixed = "mixed"
    plain = "plain"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"bilingual {__version__}")
        raise typer.Exit


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Split mixed English/Chinese message dumps into clean per-language records."""


Inputs = Annotated[
    list[str],
    typer.Argument(help="Input files; '-' reads standard input.", show_default=False),
]
Output = Annotated[str, typer.Option("-o", "--output", help="Output file; '-' is standard output.")]


class OutputFormat(enum.StrEnum):
    """The output formats ``-f`` accepts."""

    jsonl = "jsonl"
    tmx = "tmx"
    moses = "moses"
    tsv = "tsv"


class Unit(enum.StrEnum):
    """What one TMX/Moses/TSV unit is."""

    sentence = "sentence"
    message = "message"


@app.command()
def split(
    inputs: Inputs,
    *,
    output: Output = "-",
    layout: Annotated[
        Layout,
        typer.Option(
            help="JSONL layout. messages: one row per message; segments: one per "
            "language segment; pairs: one per translation pair."
        ),
    ] = Layout.messages,
    simplify: Annotated[
        str | None,
        typer.Option(
            metavar="[CONFIG]",
            help=f"Add Simplified Chinese to every Chinese segment (OpenCC config, default "
            f"{DEFAULT_SIMPLIFY}; one of {', '.join(SIMPLIFY_CONFIGS)}).",
        ),
    ] = None,
    input_format: Annotated[
        InputFormat, typer.Option("--format", help="Input format.")
    ] = InputFormat.auto,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "-f",
            "--output-format",
            help="jsonl, tmx (TMX 1.4b), moses (OUT.en + OUT.zh, needs -o) or tsv.",
        ),
    ] = OutputFormat.jsonl,
    unit: Annotated[
        Unit, typer.Option(help="TMX/Moses/TSV: one unit per sentence pair or per message pair.")
    ] = Unit.sentence,
    min_score: Annotated[
        float,
        typer.Option(min=0.0, max=1.0, help="Keep only pairs (or units) scoring at least this."),
    ] = 0.0,
    pair_lines: Annotated[
        bool,
        typer.Option(help="Pair an English line with the Chinese line beside it (same speaker)."),
    ] = True,
    dedup: Annotated[
        bool,
        typer.Option(help="Collapse repeated messages into the first, with count and lines."),
    ] = False,
) -> None:
    """Split dumps into per-language records and pairs: JSONL, TMX, Moses or TSV."""
    with _errors_to_exit_codes():
        if simplify is not None:
            simplify = check_config(simplify, simplified_only=True)
        if output_format == OutputFormat.moses and output == "-":
            raise ConfigError("-f moses writes OUT.en and OUT.zh: give -o OUT")
        options = Options(simplify=simplify, format=str(input_format), pair_lines=pair_lines)
        _check_inputs(inputs)
        records = _records(inputs, options)
        if dedup:
            records = collapse_duplicates(records, hold=True)
        if output_format == OutputFormat.moses:
            write_moses(records, output, unit=unit.value, min_score=min_score)
            return
        with atomic_output(output) as out:
            if output_format == OutputFormat.jsonl:
                write_jsonl(records, out, layout=str(layout), min_score=min_score)
            else:
                writer = write_tmx if output_format == OutputFormat.tmx else write_tsv
                writer(records, out, unit=unit.value, min_score=min_score)


def _records(inputs: list[str], options: Options) -> Iterator[Record]:
    """The records of every input, one after the other."""
    for name in inputs:
        with _open_input(name) as stream:
            yield from process_file(stream, options, source=_source_name(name))


@app.command()
def stats(
    inputs: Inputs,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    input_format: Annotated[
        InputFormat, typer.Option("--format", help="Input format.")
    ] = InputFormat.auto,
) -> None:
    """Messages per speaker, each speaker's language mix, pairs, dates, formats."""
    with _errors_to_exit_codes():
        _check_inputs(inputs)
        detections: list[dict[str, object]] = []

        def all_records() -> Iterator[Record]:
            for name in inputs:
                source = _source_name(name)
                with _open_input(name) as stream:
                    lines: Iterable[Line] = read_lines(stream, source=source)
                    if input_format == InputFormat.auto:
                        found, lines = sniff(lines)
                        detections.append({"source": source, **found.to_dict()})
                        options = Options(format=found.format)
                    else:
                        options = Options(format=str(input_format))
                    yield from process_lines(lines, options, source=source)

        summary = collect(all_records())
        if as_json:
            payload = {**summary.to_dict(), "detected": detections}
            typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            for found in detections:
                typer.echo(
                    f"{found['source']}: detected {found['format']} "
                    f"(confidence {found['confidence']})"
                )
            render(summary, sys.stdout)


@app.command("convert")
def convert_command(
    inputs: Inputs,
    output: Output = "-",
    config: Annotated[
        str,
        typer.Option("-c", "--config", help=f"OpenCC config: {', '.join(ALL_CONFIGS)}."),
    ] = DEFAULT_SIMPLIFY,
) -> None:
    """Convert whole files between Chinese scripts with OpenCC (LF line endings out)."""
    with _errors_to_exit_codes():
        config = check_config(config)
        _check_inputs(inputs)
        with atomic_output(output) as out:
            for name in inputs:
                with _open_input(name) as stream:
                    for _, line in read_lines(stream, source=_source_name(name)):
                        out.write(convert(line, config))
                        out.write("\n")


def _source_name(name: str) -> str:
    return "<stdin>" if name == "-" else name


def _check_inputs(inputs: list[str]) -> None:
    """Fail before writing anything if an input is missing."""
    for name in inputs:
        if name != "-" and not Path(name).is_file():
            problem = "is a directory" if Path(name).is_dir() else "no such file"
            raise InputError(problem, source=name)


@contextlib.contextmanager
def _open_input(name: str) -> Iterator[BinaryIO]:
    """The input as a binary stream, with a progress bar when stderr is a terminal."""
    if name == "-":
        yield sys.stdin.buffer
        return
    with open(name, "rb") as raw:
        if not sys.stderr.isatty():
            yield raw
            return
        from rich.console import Console  # noqa: PLC0415
        from rich.progress import Progress  # noqa: PLC0415

        size = Path(name).stat().st_size
        with (
            Progress(console=Console(stderr=True), transient=True) as progress,
            progress.wrap_file(raw, total=size, description=name) as wrapped,
        ):
            yield wrapped


@contextlib.contextmanager
def _errors_to_exit_codes() -> Iterator[None]:
    """Library errors become one clear line on stderr and a distinct exit code."""
    try:
        yield
    except ConfigError as exc:
        _fail(f"error: {exc}", EXIT_USAGE)
    except InputError as exc:
        _fail(f"error: {exc}", EXIT_INPUT)
    except BilingualError as exc:
        _fail(f"error: {exc}", EXIT_INPUT)
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(EXIT_BROKEN_PIPE) from None
    except OSError as exc:
        where = exc.filename or "output"
        _fail(f"error: {where}: {exc.strerror or exc}", EXIT_OUTPUT)
    except KeyboardInterrupt:
        _fail("interrupted", EXIT_INTERRUPTED)


def _fail(message: str, code: int) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(code)


def normalize_argv(args: list[str]) -> list[str]:
    """Give ``--simplify`` its optional value: the default config when none follows.

    The next argument is taken as the config when it names one (or is a word that is
    no file, so that a typo gets the list of valid names), not when it is an input.

    >>> normalize_argv(["split", "a.txt", "--simplify"])
    ['split', 'a.txt', '--simplify=tw2s']
    >>> normalize_argv(["split", "--simplify", "hk2s", "a.txt"])
    ['split', '--simplify=hk2s', 'a.txt']
    >>> normalize_argv(["split", "--simplify", "-", "-o", "out.jsonl"])
    ['split', '--simplify=tw2s', '-', '-o', 'out.jsonl']
    """
    out: list[str] = []
    rest = iter(range(len(args)))
    for i in rest:
        if args[i] != "--simplify":
            out.append(args[i])
            continue
        following = args[i + 1] if i + 1 < len(args) else None
        if following is None or following.startswith("-") or _is_input(following):
            out.append(f"--simplify={DEFAULT_SIMPLIFY}")
        else:
            out.append(f"--simplify={following}")
            next(rest)
    return out


def _is_input(word: str) -> bool:
    return word.removesuffix(".json") not in ALL_CONFIGS and Path(word).exists()


def main() -> None:
    """Console-script entry point."""
    app(args=normalize_argv(sys.argv[1:]), prog_name="bilingual")
