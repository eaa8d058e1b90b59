"""Close pop's terminal at many moments of its first seconds, and count the pops left behind.

    python -m bench.hangup_sweep [--runs 100] [--seconds 2] [--signal hup|term]
                                 [--from launch|paint] [--parallel 4] [--code DIR]

Each run starts ``pop --db PLAN`` (the example plan) in a pseudo-terminal of its
own, 80x24, and hangs up on it at a moment spread evenly over the first
``--seconds`` after launch (``--from paint``: after the dashboard first
showed, the moment of the issue, e.g. ``--seconds 0.2``): ``hup`` closes the terminal (the kernel sends
SIGHUP, as when an SSH line drops), ``term`` sends SIGTERM. A pop still running
3 seconds later counts as left behind (and is then killed). Prints how many
ended, with which exit codes, and the longest time from the hang-up to the end.

``--code DIR`` runs the pop found in DIR (a checkout of another commit, e.g.
``git archive OLD | tar -x -C /tmp/old``) instead of this one, with the same
harness: that is how the figures before the fix were measured. Tests never
check these timings; ``tests/test_hangup.py`` runs a short sweep of its own.
"""

from __future__ import annotations

import argparse
import collections
import signal
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.pty_pop import Ended, PopInPty  # noqa: E402

TODAY = date(2026, 11, 29)
WAIT = 3.0


def write_plan(path: Path) -> None:
    from pop_tui.core.demo import populate_demo
    from pop_tui.core.edit import Edit
    from pop_tui.core.model import Plan
    from pop_tui.store.plan_store import write_new_plan

    plan = Plan()
    populate_demo(Edit(plan), TODAY, "en")
    write_new_plan(path, plan)


def one_run(
    plan: Path, at: float, signum: int, code: str | None, from_paint: bool
) -> tuple[float, Ended]:
    pop = PopInPty(["--db", plan], env={"POP_TODAY": TODAY.isoformat()}, pythonpath=code)
    try:
        if from_paint:
            pop.wait_for_text("Dashboard", "Check in")
            at += pop.since_launch()
        pop.keep_reading(at - pop.since_launch())
        moment = pop.since_launch()
        if signum == signal.SIGHUP:
            pop.close_terminal()
        else:
            pop.signal(signum)
        return moment, pop.wait_end(WAIT)
    finally:
        if pop.process.poll() is None:
            pop.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--signal", choices=("hup", "term"), default="hup")
    parser.add_argument("--from", dest="start", choices=("launch", "paint"), default="launch")
    parser.add_argument("--parallel", type=int, default=4)
    parser.add_argument("--code", help="run the pop in this folder instead")
    args = parser.parse_args()
    signum = signal.SIGHUP if args.signal == "hup" else signal.SIGTERM
    code = str(Path(args.code).resolve()) if args.code else None
    with tempfile.TemporaryDirectory(prefix="pop-hangup-") as folder:
        plan = Path(folder) / "plan.json"
        write_plan(plan)
        before = plan.read_bytes()
        moments = [args.seconds * i / args.runs for i in range(args.runs)]
        with ThreadPoolExecutor(args.parallel) as pool:
            runs = list(
                pool.map(lambda at: one_run(plan, at, signum, code, args.start == "paint"), moments)
            )
        unchanged = plan.read_bytes() == before
    ended = [e for _m, e in runs if e.code is not None and not e.left]
    left = [(m, e) for m, e in runs if e.code is None or e.left]
    codes = collections.Counter(e.code for _m, e in runs)
    longest = max((e.took for e in ended), default=0.0)
    print(f"{len(ended)} of {len(runs)} ended, {longest * 1000:.0f} ms max from hang-up to end")
    print("exit codes:", ", ".join(f"{c}: {n}" for c, n in sorted(codes.items(), key=str)))
    if left:
        moments_left = ", ".join(f"{m * 1000:.0f}" for m, _e in left)
        print(f"{len(left)} left running (then killed), hung up at ms: {moments_left}")
    print("plan file unchanged" if unchanged else "PLAN FILE CHANGED")
    return 0 if not left and unchanged else 1


if __name__ == "__main__":
    sys.exit(main())
