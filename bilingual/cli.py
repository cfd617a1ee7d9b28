"""The command line: a thin typer layer over the library.

Choices (input formats, output formats, layouts, OpenCC configs) are read from the
library's registries when a command runs, so a format or writer registered by a user is
offered like the built-in ones. Exit codes: 0 success, 2 usage error (bad option or
value), 3 input error (missing or unreadable input), 4 output error (cannot write), 130
interrupted, 141 output pipe closed.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import signal
import sys
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Annotated, BinaryIO, TypeVar

import typer
from typer._click import Context, HelpFormatter  # typer's own click, which its classes use
from typer.core import TyperCommand, TyperGroup

from bilingual import formats, writers
from bilingual.convert import ALL_CONFIGS, SIMPLIFY_CONFIGS, check_config, convert
from bilingual.decode import ERRORS, LINE_LIMIT, Decoding, Line, read_lines
from bilingual.errors import BilingualError, ConfigError, InputError
from bilingual.formats import AUTO, Detection
from bilingual.options import DEFAULT_SIMPLIFY, UNITS, Options
from bilingual.output import Target, remove_pending
from bilingual.parallel import write_sources
from bilingual.pipeline import process_sources
from bilingual.records import Record
from bilingual.signature import signature
from bilingual.stats import Sources, collect, render, summary
from bilingual.writers.jsonl import LAYOUTS

EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_OUTPUT = 4
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141


class _Command(TyperCommand):
    """Help as argparse tools print it: ``INPUT...`` in the usage line, no type tags."""

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        pieces = ["[OPTIONS]"]
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                pieces.append(f"{param.metavar}...")
        return pieces

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                arguments.append((f"{param.metavar}...", getattr(param, "help", "") or ""))
            elif (record := param.get_help_record(ctx)) is not None:
                options.append(record)
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


class _Group(TyperGroup):
    """The top-level group, its commands listed in the order they are defined."""

    def list_commands(self, ctx: Context) -> list[str]:
        return list(self.commands)


app = typer.Typer(
    cls=_Group,
    help="Split mixed English/Chinese message dumps into clean per-language records.",
    epilog="Run 'bilingual COMMAND -h' for a command's options and an example.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 80},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(signature(Options(simplify=DEFAULT_SIMPLIFY)))
        raise typer.Exit


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help="Show the version and the reproducibility signature, then exit.",
        ),
    ] = False,
) -> None:
    """Split mixed English/Chinese message dumps into clean per-language records."""


def _choice(kind: str, names: Callable[[], Iterable[str]]) -> Callable[[str], str]:
    """A callback accepting one of ``names()`` (read at run time) or a friendly error."""

    def check(value: str) -> str:
        valid = list(names())
        if value not in valid:
            raise typer.BadParameter(f"{value!r} is not {kind}; choose one of: {', '.join(valid)}")
        return value

    return check


def _example(*lines: str) -> str:
    r"""An epilog of examples, kept as written (``\b`` stops click rewrapping them)."""
    return "Examples:\n\n\b\n" + "\n".join(f"  {line}" for line in lines)


Inputs = Annotated[
    list[str],
    typer.Argument(
        metavar="INPUT", help="Input files; '-' reads standard input.", show_default=False
    ),
]
Output = Annotated[
    str, typer.Option("-o", "--output", metavar="OUT", help="Output file; '-' is standard output.")
]
InputFormat = Annotated[
    str,
    typer.Option(
        "--format",
        metavar="FORMAT",
        callback=_choice("an input format", lambda: (AUTO, *formats.names())),
        help=f"Input format: {AUTO} (detect each file's), {', '.join(formats.names())}.",
    ),
]


Encoding = Annotated[
    str | None,
    typer.Option(
        metavar="CODEC",
        help="Read inputs in this encoding (e.g. gb18030, big5, utf-16-le) instead of "
        "detecting it.",
    ),
]
Errors = Annotated[
    str,
    typer.Option(
        metavar="MODE",
        callback=_choice("an errors mode", lambda: ERRORS),
        help="Undecodable bytes: strict (an error naming file, line and byte) or replace "
        "(U+FFFD, counted on stderr).",
    ),
]


Jobs = Annotated[
    int,
    typer.Option(
        "-j",
        "--jobs",
        min=0,
        metavar="N",
        help="Worker processes (0: one per CPU core); the output is the same for any N.",
    ),
]


def _line_limit(value: str | int) -> int:
    """``--line-limit``: a whole number of characters, at least 2 (a cut must move on).

    Typer passes the default through unchanged, as an int.
    """
    text = str(value).strip()
    if not text.isdecimal() or int(text) < 2:
        raise typer.BadParameter(f"{value!r} is not a number of characters of at least 2")
    return int(text)


LineLimit = Annotated[
    int,
    typer.Option(
        parser=_line_limit,
        metavar="CHARS",
        help="Cut a line or message longer than CHARS characters into parts (the part "
        "field); memory per input stays about this size.",
    ),
]
KeepGoing = Annotated[
    bool,
    typer.Option(
        "--keep-going",
        help="When an input cannot be read, report it, go on with the others and exit 3 "
        "at the end with a summary (the output keeps what was read).",
    ),
]


@app.command(
    cls=_Command,
    short_help="Split dumps into per-language records and translation pairs.",
    epilog=_example(
        "bilingual split chat.txt --simplify > records.jsonl",
        "bilingual split headlines.txt -f tmx -o memory.tmx --min-score 0.5",
        "bilingual split a.txt b.txt --layout pairs -v -o pairs.jsonl",
    ),
)
def split(
    inputs: Inputs,
    *,
    output: Output = "-",
    layout: Annotated[
        str,
        typer.Option(
            metavar="LAYOUT",
            callback=_choice("a layout", lambda: LAYOUTS),
            help="JSONL layout: messages (one row per message), segments (one per "
            "language segment) or pairs (one per translation pair).",
        ),
    ] = "messages",
    simplify: Annotated[
        str | None,
        typer.Option(
            metavar="[CONFIG]",
            help=f"Add Simplified Chinese beside every Chinese text, with an OpenCC "
            f"config: {', '.join(SIMPLIFY_CONFIGS)} (default {DEFAULT_SIMPLIFY}).",
        ),
    ] = None,
    input_format: InputFormat = "auto",
    encoding: Encoding = None,
    errors: Errors = "strict",
    keep_going: KeepGoing = False,
    line_limit: LineLimit = LINE_LIMIT,
    output_format: Annotated[
        str,
        typer.Option(
            "-f",
            "--output-format",
            metavar="NAME",
            callback=_choice("an output format", writers.names),
            help="Output format: jsonl, tmx (TMX 1.4b), moses (OUT.en and OUT.zh; needs "
            "-o OUT) or tsv.",
        ),
    ] = "jsonl",
    unit: Annotated[
        str,
        typer.Option(
            metavar="UNIT",
            callback=_choice("a unit", lambda: UNITS),
            help="TMX/Moses/TSV: one unit per sentence pair (sentence) or per message "
            "pair (message).",
        ),
    ] = "sentence",
    min_score: Annotated[
        float,
        typer.Option(
            min=0.0, max=1.0, metavar="X", help="Keep only pairs and units scoring at least X."
        ),
    ] = 0.0,
    pair_lines: Annotated[
        bool,
        typer.Option(
            show_default=False,
            help="Pair an English line with the Chinese line beside it, same speaker "
            "(default: on).",
        ),
    ] = True,
    dedup: Annotated[
        bool,
        typer.Option(
            show_default=False,
            help="Collapse repeated messages into the first, with count and lines.",
        ),
    ] = False,
    clean: Annotated[
        bool,
        typer.Option(
            show_default=False,
            help="Add each segment's cleaned text, and write cleaned texts to TMX, Moses, "
            "TSV and the pairs layout (default: on).",
        ),
    ] = True,
    verbose: Annotated[
        bool,
        typer.Option("-v", "--verbose", help="Say which format each input was read as."),
    ] = False,
    jobs: Jobs = 1,
) -> None:
    """Split dumps into per-language records and pairs: JSONL, TMX, Moses or TSV.

    The detected format of each input is reported on stderr when it is a terminal (or
    with -v).
    """
    with _errors_to_exit_codes():
        if simplify is not None:
            simplify = check_config(simplify, simplified_only=True)
        options = Options(format=input_format, encoding=encoding, errors=errors,
                          line_limit=line_limit, simplify=simplify, pair_lines=pair_lines,
                          dedup=dedup, clean=clean, layout=layout, unit=unit,
                          min_score=min_score, jobs=jobs)  # fmt: skip
        writer = writers.get(output_format)
        _check_inputs(inputs)
        report = verbose or sys.stderr.isatty()
        failed: list[str] = []
        write_sources(
            _sources(inputs, options, on_decoding=_report_replaced),
            writer,
            Target(output, inputs=inputs),
            options,
            on_detect=_report_detection if report else None,
            on_error=_collector(failed) if keep_going else None,
        )
        _summarise(failed, len(inputs))


def _collector(failed: list[str]) -> Callable[[str, InputError], None]:
    """An ``on_error`` that reports each input error at once and remembers it."""

    def report(_source: str, exc: InputError) -> None:
        typer.echo(f"error: {exc}", err=True)
        failed.append(str(exc))

    return report


def _summarise(failed: list[str], total: int) -> None:
    """After a --keep-going run: a summary and exit 3 when any input failed."""
    if failed:
        lines = "\n".join(f"  {problem}" for problem in failed)
        _fail(f"{len(failed)} of {total} inputs failed:\n{lines}", EXIT_INPUT)


def _report_replaced(source: str, decoding: Decoding) -> None:
    if decoding.replaced:
        typer.echo(f"{source}: {_replaced(decoding)}", err=True)


def _replaced(decoding: Decoding) -> str:
    return f"{decoding.replaced} undecodable byte sequences replaced with U+FFFD"


def _report_detection(source: str, found: Detection) -> None:
    typer.echo(_detected(source, found), err=True)


def _detected(source: str, found: Detection) -> str:
    return f"{source}: detected {found.format} (confidence {found.confidence})"


@app.command(
    cls=_Command,
    short_help="Speakers, language mix, pairs and dates of dumps.",
    epilog=_example("bilingual stats chat.txt", "bilingual stats *.txt --json > summary.json"),
)
def stats(
    inputs: Inputs,
    *,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    input_format: InputFormat = "auto",
    encoding: Encoding = None,
    errors: Errors = "strict",
    keep_going: KeepGoing = False,
    line_limit: LineLimit = LINE_LIMIT,
    jobs: Jobs = 1,
) -> None:
    """Messages per speaker, each speaker's language mix, pairs, dates, formats, encodings."""
    with _errors_to_exit_codes():
        options = Options(format=input_format, encoding=encoding, errors=errors,
                          line_limit=line_limit, jobs=jobs)  # fmt: skip
        counts, sources, failed = _summary_run(inputs, options, keep_going, collect)
        if as_json:
            payload = summary(counts, sources, signature(options))
            typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            for source, found in sources.detections:
                typer.echo(_detected(source, found))
            for source, decoding in sources.decodings.items():
                replaced = f", {_replaced(decoding)}" if decoding.replaced else ""
                typer.echo(f"{source}: encoding {decoding.encoding}{replaced}")
            for warning in sources.date_orders:
                typer.echo(f"warning: {warning}")
            render(counts, sys.stdout)
        _summarise(failed, len(inputs))


@app.command(
    cls=_Command,
    short_help="One self-contained HTML page showing dumps at a glance.",
    epilog=_example(
        "bilingual report chat.txt -o report.html",
        "bilingual report *.txt --json -o report.json",
    ),
)
def report(
    inputs: Inputs,
    *,
    output: Output = "-",
    as_json: Annotated[
        bool, typer.Option("--json", help="Write the summary and aggregates as JSON instead.")
    ] = False,
    rows: Annotated[
        int, typer.Option(min=0, metavar="N", help="Show the first N messages in a table.")
    ] = 50,
    input_format: InputFormat = "auto",
    encoding: Encoding = None,
    errors: Errors = "strict",
    keep_going: KeepGoing = False,
    line_limit: LineLimit = LINE_LIMIT,
    jobs: Jobs = 1,
) -> None:
    """An offline HTML page: speakers and their language mix, activity, pairs, warnings."""
    from bilingual.report import gather, render_html, to_json  # noqa: PLC0415 - only here

    with _errors_to_exit_codes():
        options = Options(format=input_format, encoding=encoding, errors=errors,
                          line_limit=line_limit, jobs=jobs)  # fmt: skip
        target = Target(output, inputs=inputs)
        target.check()
        fold = functools.partial(gather, row_limit=rows, threshold=options.pair_threshold)
        gathered, sources, failed = _summary_run(inputs, options, keep_going, fold)
        for warning in sources.date_orders:  # shown on the page, and said as split says it
            _show_warning(warning)
        with target.open() as out:
            if as_json:
                payload = to_json(gathered, sources, signature(options))
                out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
            else:
                more = f" and {len(inputs) - 1} more" if len(inputs) > 1 else ""
                title = f"bilingual report: {_source_name(inputs[0])}{more}"
                out.write(render_html(gathered, sources, title=title, signature=signature(options)))
        _summarise(failed, len(inputs))


#: What a summary command makes of the records (a :class:`Stats`, a report).
T = TypeVar("T")


def _summary_run(
    inputs: list[str], options: Options, keep_going: bool, fold: Callable[[Iterable[Record]], T]
) -> tuple[T, Sources, list[str]]:
    """What ``fold`` makes of a ``stats`` or ``report`` run's records, what each input was
    read as (with the date-order warnings heard while reading) and the input errors of a
    ``--keep-going`` run."""
    _check_inputs(inputs)
    sources = Sources()
    failed: list[str] = []
    records = process_sources(
        _sources(inputs, options, on_decoding=sources.decoded),
        options,
        on_detect=sources.detected,
        on_error=_collector(failed) if keep_going else None,
    )
    with sources.hearing():
        folded = fold(records)
    return folded, sources, failed


@app.command(
    "convert",
    cls=_Command,
    short_help="Convert files between Chinese scripts with OpenCC.",
    epilog=_example(
        "bilingual convert news.txt -o news.simplified.txt",
        "bilingual convert - -c s2twp < simplified.txt",
    ),
)
def convert_command(
    inputs: Inputs,
    output: Output = "-",
    config: Annotated[
        str,
        typer.Option(
            "-c",
            "--config",
            metavar="CONFIG",
            help=f"OpenCC config: {', '.join(ALL_CONFIGS)}.",
        ),
    ] = DEFAULT_SIMPLIFY,
    encoding: Encoding = None,
    errors: Errors = "strict",
) -> None:
    """Convert whole files between Chinese scripts with OpenCC (LF line endings out)."""
    with _errors_to_exit_codes():
        config = check_config(config)
        _check_inputs(inputs)
        with Target(output, inputs=inputs).open() as out:
            for _source, lines in _sources(inputs, Options(encoding=encoding, errors=errors),
                                           on_decoding=_report_replaced):  # fmt: skip
                for _, line in lines:
                    out.write(convert(line, config))
                    out.write("\n")


def _source_name(name: str) -> str:
    """The input's name for records and messages: bytes that are not UTF-8 become U+FFFD.

    >>> _source_name("-"), _source_name("c\\udcc1\\udcc4.txt")
    ('<stdin>', 'c\ufffd\ufffd.txt')
    """
    if name == "-":
        return "<stdin>"
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _check_inputs(inputs: list[str]) -> None:
    """Fail before writing anything if an input is missing, a directory or unreadable.

    Regular files, FIFOs and ``<(...)`` process substitutions are all inputs.
    """
    for name in inputs:
        if name == "-":
            continue
        path = Path(name)
        if path.is_dir():
            raise InputError("is a directory", source=_source_name(name))
        if not path.exists():
            raise InputError("no such file", source=_source_name(name))
        if not os.access(path, os.R_OK):
            raise InputError("permission denied", source=_source_name(name))


def _sources(
    inputs: list[str],
    options: Options,
    *,
    on_decoding: Callable[[str, Decoding], None],
) -> Iterator[tuple[str, Iterable[Line]]]:
    """Each input's name and decoded lines, one file open at a time; ``on_decoding``
    hears each file's encoding once it is read."""
    for name in inputs:
        source = _source_name(name)
        with _open_input(name) as stream:
            yield (
                source,
                read_lines(
                    stream,
                    source=source,
                    encoding=options.encoding,
                    errors=options.errors,
                    on_decoding=functools.partial(on_decoding, source),
                    limit=options.line_limit,
                ),
            )


@contextlib.contextmanager
def _open_input(name: str) -> Iterator[BinaryIO]:
    """The input as a binary stream, with a progress bar when stderr is a terminal."""
    if name == "-":
        yield sys.stdin.buffer
        return
    try:
        raw = open(name, "rb")  # noqa: SIM115 - closed below, after the progress bar
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), source=_source_name(name)) from None
    with raw:
        if not sys.stderr.isatty() or not Path(name).is_file():
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
    except BilingualError as exc:  # InputError and any other problem with the input
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


def _watch_signals() -> None:
    """Ctrl-C, SIGTERM and SIGHUP end the run at once, leaving no partial or temporary file.

    They are blocked in every thread and awaited by a thread of their own, which removes
    the temporary files and exits: a Python-level handler runs only between bytecodes of
    the main thread, so one arriving just before a blocking read (a pipe that stays
    open) would never run.
    """
    signals = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    threading.Thread(target=_end_on, args=(signals,), name="signals", daemon=True).start()


def _end_on(signals: set[signal.Signals]) -> None:
    signum = signal.sigwait(signals)
    remove_pending()
    if signum == signal.SIGINT:
        os.write(sys.stderr.fileno(), b"interrupted\n")
        os._exit(EXIT_INTERRUPTED)
    os._exit(128 + signum)


def _show_warning(message: Warning | str, *_: object, **__: object) -> None:
    """The library's warnings (a file whose date order is not proven) as one line on stderr."""
    typer.echo(f"warning: {message}", err=True)


def main() -> None:
    """Console-script entry point."""
    _watch_signals()
    warnings.showwarning = _show_warning
    app(args=normalize_argv(sys.argv[1:]), prog_name="bilingual")
