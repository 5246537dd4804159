"""The ``roleclf`` command line."""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable, Sequence
from typing import Any

from . import __version__
from .api import explain, predict_proba
from .audit import audit
from .batch import FileReport, label_file, redecide_file
from .dataset import LABELS, dataset_path, read_labeled_csv
from .default import default_model
from .errors import RoleclfError
from .evaluation import cross_validate, evaluate
from .jobs import HYBRID_MIN_SHARE, MIN_ROLE_FRACTION, MIN_ROLE_WEIGHT, VERDICTS, VerdictRule
from .model import RoleClassifier


def _model(args: argparse.Namespace) -> RoleClassifier:
    return RoleClassifier.load(args.model) if args.model else default_model()


def _bounded(high: float) -> Callable[[str], float]:
    """Return an argparse ``type`` for a number from 0 to ``high``, so that errors name the flag."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not 0 <= value <= high:
            bound = "of 0 or more" if high == math.inf else f"from 0 to {high}"
            raise argparse.ArgumentTypeError(f"must be a number {bound}, got {text!r}")
        return value

    return parse


def _cmd_classify(args: argparse.Namespace) -> int:
    texts = args.text or [line.rstrip("\r\n") for line in sys.stdin]
    proba = predict_proba(texts, model=_model(args))
    labels = proba.columns[proba.to_numpy().argmax(axis=1)]
    for text, label, (_, row) in zip(texts, labels, proba.iterrows(), strict=True):
        if args.json:
            record: dict[str, object] = {"text": text, "label": label}
            if args.proba:
                record["probabilities"] = {k: round(float(v), 4) for k, v in row.items()}
            print(json.dumps(record, ensure_ascii=False))
        elif args.proba:
            print(label + "\t" + "\t".join(f"{k}={v:.3f}" for k, v in row.items()))
        else:
            print(label)
    return 0


def _cmd_explain(args: argparse.Namespace) -> int:
    print(explain(args.text, top=args.top, model=_model(args)))
    return 0


def _cmd_train(args: argparse.Namespace) -> int:
    frame = read_labeled_csv(args.data)
    if args.folds:
        report = cross_validate(frame["text"], frame["label"], folds=args.folds)
        print(f"{report.method}: macro-F1 {report.macro_f1:.3f}, accuracy {report.accuracy:.3f}")
    model = RoleClassifier().fit(frame["text"], frame["label"])
    model.save(args.output)
    print(
        f"trained on {len(frame)} statements, labels {', '.join(model.classes_)}; "
        f"saved to {args.output}"
    )
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    if args.plots:
        from .plots import require_matplotlib

        require_matplotlib()  # before the slow part, not after
    data = args.data or dataset_path()
    frame = read_labeled_csv(data, labels=None if args.data else LABELS)
    model = _model(args) if args.model else None
    if model is not None:
        report = evaluate(model, frame["text"], frame["label"])
    else:
        report = cross_validate(frame["text"], frame["label"], folds=args.folds)
    print(f"data: {data}")
    print(report)
    if args.plots:
        import matplotlib

        matplotlib.use("Agg")
        from .plots import save_evaluation_plots

        if model is None and args.data:  # the terms of the model cross-validated, fit on all
            model = RoleClassifier().fit(frame["text"], frame["label"])
        for path in save_evaluation_plots(report, args.plots, model=model):
            print(f"wrote {path}")
    return 0


def _cmd_audit(args: argparse.Namespace) -> int:
    frame = read_labeled_csv(args.data)
    frame.index += 1  # name rows as people count them: the first data row is row 1
    reviewed = read_labeled_csv(args.reviewed) if args.reviewed else None
    report = audit(frame, thin=args.thin, folds=args.folds, reviewed=reviewed)
    print(report)
    if args.csv:
        report.flagged().to_csv(args.csv, index=False)
        print(f"flagged rows written to {args.csv}")
    return 0 if report.passed else 1


def _cmd_label(args: argparse.Namespace) -> int:
    options: dict[str, Any] = {
        "text_column": args.text_column, "id_column": args.id_column, "fmt": args.format,
        "statements_output": args.statements, "encoding": args.encoding, "model": args.model,
        "rule": _rule(args),
    }  # fmt: skip
    progress = args.engine == "local" and not args.quiet and sys.stderr.isatty()
    report = label_file(args.input, args.output, jobs=args.jobs, resume=args.resume,
                        progress=progress, engine=args.engine, scheduler=args.scheduler,
                        **options)  # fmt: skip
    _summary(args, "labeled", report)
    return 0


def _cmd_redecide(args: argparse.Namespace) -> int:
    progress = not args.quiet and sys.stderr.isatty()
    report = redecide_file(args.input, args.output, _rule(args), fmt=args.format,
                           encoding=args.encoding, progress=progress)  # fmt: skip
    _summary(args, "re-decided", report)
    return 0


def _rule(args: argparse.Namespace) -> VerdictRule:
    return VerdictRule(args.min_role_weight, args.hybrid_min_share, args.min_role_fraction)


def _summary(args: argparse.Namespace, done: str, report: FileReport) -> None:
    if not args.quiet:
        resumed = f", {report.resumed_chunks} chunks resumed" if report.resumed_chunks else ""
        found = ", ".join(f"{k} {report.verdicts.get(k, 0):,}" for k in VERDICTS)
        print(f"{done} {report.postings:,} postings in {report.seconds:.1f} s "
              f"({report.postings_per_second:,.0f}/s{resumed}) -> {args.output}\n"
              f"verdicts (this run): {found}")  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``roleclf`` command."""
    parser = argparse.ArgumentParser(
        prog="roleclf", description="Tell product-management work from project-management work."
    )
    parser.add_argument("--version", action="version", version=f"roleclf {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    model = argparse.ArgumentParser(add_help=False)
    model.add_argument("--model", metavar="MODEL", help="a saved model instead of the default")

    p = sub.add_parser("classify", parents=[model], help="label statements")
    p.add_argument(
        "text", nargs="*", metavar="TEXT", help="statements; if none, stdin, one per line"
    )
    p.add_argument("--proba", action="store_true", help="add the probability of each label")
    p.add_argument("--json", action="store_true", help="print JSON lines")
    p.set_defaults(run=_cmd_classify)

    p = sub.add_parser("explain", parents=[model], help="show the terms behind a label")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--top", type=int, default=5, help="terms per label (default 5)")
    p.set_defaults(run=_cmd_explain)

    p = sub.add_parser("train", help="train a model on a CSV with text,label columns")
    p.add_argument("data", metavar="DATA.csv")
    p.add_argument("-o", "--output", required=True, metavar="MODEL", help="where to save it")
    p.add_argument("--folds", type=int, default=5, help="cross-validation folds, 0 to skip")
    p.set_defaults(run=_cmd_train)

    p = sub.add_parser("evaluate", parents=[model], help="cross-validate, or score a saved model")
    p.add_argument("data", nargs="?", metavar="DATA.csv", help="default: the bundled dataset")
    p.add_argument("--folds", type=int, default=5, help="cross-validation folds (default 5)")
    p.add_argument(
        "--plots", metavar="DIR", help="also write the report's figures as PNG files into DIR"
    )
    p.set_defaults(run=_cmd_evaluate)

    p = sub.add_parser(
        "audit", help="duplicates, conflicting and suspect labels, thin cells; exit 1 on duplicates"
    )
    p.add_argument("data", metavar="DATA.csv")
    p.add_argument("--csv", metavar="OUT", help="write the flagged rows to this CSV")
    p.add_argument(
        "--reviewed", metavar="FILE", help="CSV (text,label) of suspects checked and kept"
    )
    p.add_argument("--thin", type=int, default=10, help="name cells with fewer rows (default 10)")
    p.add_argument("--folds", type=int, default=5, help="cross-validation folds (default 5)")
    p.set_defaults(run=_cmd_audit)

    files = argparse.ArgumentParser(add_help=False)
    files.add_argument("--format", choices=["csv", "parquet", "jsonl"], help="the input's format")
    files.add_argument("--encoding", default="utf-8", help="of CSV and JSON Lines (default utf-8)")
    files.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    rule = argparse.ArgumentParser(add_help=False)
    rule.add_argument(
        "--min-role-fraction",
        type=_bounded(1.0),
        default=MIN_ROLE_FRACTION,
        metavar="F",
        help="unclear below this weight of product and project statements per statement "
        f"(default {MIN_ROLE_FRACTION}; lower it for postings known to be PM roles)",
    )
    rule.add_argument(
        "--min-role-weight",
        type=_bounded(math.inf),
        default=MIN_ROLE_WEIGHT,
        metavar="W",
        help="unclear below this weight of product and project statements "
        f"(default {MIN_ROLE_WEIGHT}: none)",
    )
    rule.add_argument(
        "--hybrid-min-share",
        type=_bounded(0.5),
        default=HYBRID_MIN_SHARE,
        metavar="S",
        help=f"hybrid from this smaller share (default {HYBRID_MIN_SHARE})",
    )

    p = sub.add_parser("label", parents=[model, files, rule], help="label a file of job postings")
    p.add_argument("input", metavar="INPUT", help="CSV, Parquet or JSON Lines")
    p.add_argument("-o", "--output", required=True, metavar="OUTPUT", help="one row per posting")
    p.add_argument("--text-column", default="description", help="default: description")
    p.add_argument("--id-column", help="a column of posting ids to carry over")
    p.add_argument("--statements", metavar="OUT", help="also write one row per statement")
    p.add_argument("--jobs", type=int, default=1, help="local processes (or Dask workers)")
    p.add_argument("--resume", action="store_true", help="continue an interrupted run")
    p.add_argument("--engine", choices=["local", "dask"], default="local")
    p.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler")
    p.set_defaults(run=_cmd_label)

    p = sub.add_parser(
        "redecide",
        parents=[files, rule],
        help="decide the verdicts of a labeled file again under another rule, without labeling",
    )
    p.add_argument("input", metavar="LABELED", help="a file written by roleclf label")
    p.add_argument("-o", "--output", required=True, metavar="OUTPUT", help="may be LABELED")
    p.set_defaults(run=_cmd_redecide)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Examples
    --------
    >>> main(["classify", "manage sprint timelines"])
    project
    0
    """
    args = build_parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except (RoleclfError, TypeError, ValueError, OSError) as err:
        print(f"roleclf: error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        hint = "; run again with --resume to continue" if args.command == "label" else ""
        print(f"roleclf: interrupted{hint}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 141
    return status


if __name__ == "__main__":
    sys.exit(main())
