"""Run pop's benchmarks on the heavy plan and print a table.

    python bench/run.py [--runs N] [--scale S] [--only NAME ...]

Each benchmark is a ratio against a baseline measured in the same run, with
subject and baseline runs interleaved so that a busy machine slows both. Each
row reports the median and the spread (lowest-highest) over the runs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.heavy_plan import write_heavy_plan  # noqa: E402

TODAY = date(2026, 11, 29)


@dataclass
class Result:
    name: str
    unit: str
    subject: list[float]
    baseline: list[float]
    target: str
    check: Callable[[float, float], bool]

    @property
    def subject_median(self) -> float:
        return statistics.median(self.subject)

    @property
    def baseline_median(self) -> float:
        return statistics.median(self.baseline)

    @property
    def ratio(self) -> float:
        return self.subject_median / self.baseline_median

    @property
    def met(self) -> bool:
        return self.check(self.subject_median, self.baseline_median)


def _spread(values: list[float]) -> str:
    return f"{min(values):.1f}-{max(values):.1f}"


def _interleave(
    runs: int, subject: Callable[[], float], baseline: Callable[[], float]
) -> tuple[list[float], list[float]]:
    subject_times, baseline_times = [], []
    subject()  # warm the file cache and Python's bytecode cache for both
    baseline()
    for _ in range(runs):
        subject_times.append(subject())
        baseline_times.append(baseline())
    return subject_times, baseline_times


def _run_process(args: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, env=env, check=True)
    return (time.perf_counter() - started) * 1000, done.stdout


def bench_start(plan: Path, runs: int) -> tuple[Result, Result]:
    """Launch to first paint, and peak memory, of pop vs a bare Textual app."""
    memory: dict[str, list[float]] = {"pop": [], "bare": []}

    def pop() -> float:
        ms, out = _run_process([sys.executable, str(HERE / "start_pop.py"), str(plan)])
        memory["pop"].append(int(out.split()[-1]) / 1024)
        return ms

    def bare() -> float:
        ms, out = _run_process([sys.executable, str(HERE / "start_bare.py")])
        memory["bare"].append(int(out.split()[-1]) / 1024)
        return ms

    subject, baseline = _interleave(runs, pop, bare)
    start = Result("start", "ms", subject, baseline, "<= 1.25x", lambda s, b: s <= 1.25 * b)
    mem = Result(
        "memory", "MiB", memory["pop"], memory["bare"], "<= 1.5x", lambda s, b: s <= 1.5 * b
    )
    return start, mem


def pop_command() -> list[str]:
    """How a user starts pop: the ``pop`` script installed beside this Python, else
    ``python -m pop_tui`` (which also imports runpy, about 1 ms more)."""
    script = Path(sys.executable).with_name("pop")
    return [str(script)] if script.exists() else [sys.executable, "-m", "pop_tui"]


def bench_agenda(plan: Path, runs: int) -> Result:
    """``pop agenda`` on the heavy plan vs ``python -c "import tinydb, dateutil"``.

    Run as a login script runs it: no ``--db``, the plan found in the user's data
    folder (``$XDG_DATA_HOME/pop-tui/plan.json``).
    """
    data = plan.parent / "agenda-data"
    (data / "pop-tui").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(plan, data / "pop-tui" / "plan.json")
    env = {
        **os.environ,
        "POP_TODAY": TODAY.isoformat(),
        "POP_LANG": "en",
        "XDG_DATA_HOME": str(data),
    }
    env.pop("POP_DB", None)
    command = [*pop_command(), "agenda"]
    # The agenda must have read the plan: an empty plan's one line would be much faster.
    shown = _run_process(command, env)[1]
    if "Last check-in" not in shown:
        raise RuntimeError(f"pop agenda did not find the plan in {data}:\n{shown}")

    def agenda() -> float:
        return _run_process(command, env)[0]

    def imports() -> float:
        return _run_process([sys.executable, "-c", "import tinydb, dateutil"], env)[0]

    subject, baseline = _interleave(runs, agenda, imports)
    return Result("agenda", "ms", subject, baseline, "<= +30 ms", lambda s, b: s - b <= 30)


def bench_save(plan: Path, runs: int) -> Result:
    """Marking one step done, saved durably, vs json.dumps + write + fsync + os.replace."""
    from pop_tui.core import ops
    from pop_tui.store.plan_file import serialize
    from pop_tui.store.plan_store import PlanStore

    store = PlanStore.open(plan)
    open_steps = [s.id for s in store.plan.steps.values() if s.done_on is None]
    data = json.loads(serialize(store.plan.to_dict()))
    scratch = plan.with_name("bare.json")
    steps = iter(open_steps)

    def save() -> float:
        step_id = next(steps)
        started = time.perf_counter()
        store.apply("done", lambda e: ops.complete_step(e, step_id, TODAY))
        return (time.perf_counter() - started) * 1000

    def bare() -> float:
        started = time.perf_counter()
        payload = json.dumps(data).encode()
        tmp = scratch.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, payload)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, scratch)
        return (time.perf_counter() - started) * 1000

    subject, baseline = _interleave(runs, save, bare)
    return Result("save", "ms", subject, baseline, "<= 1.5x", lambda s, b: s <= 1.5 * b)


MOVES = 500


def bench_move(plan: Path, runs: int, moves: int = MOVES) -> Result:
    """500 cursor moves in the action plan table vs a bare DataTable with the same rows
    (CPU ms), each run in a fresh process (bench/move_one.py)."""

    def one(which: str) -> float:
        out = _run_process(
            [sys.executable, str(HERE / "move_one.py"), str(plan), which, str(moves)]
        )[1]
        return float(out.split()[-1])

    subject, baseline = _interleave(runs, lambda: one("pop"), lambda: one("bare"))
    return Result("move", "ms", subject, baseline, "<= 1.2x", lambda s, b: s <= 1.2 * b)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--scale", type=float, default=1.0, help="plan size (1.0 = the heavy plan)")
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()

    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="pop-bench-") as folder:
        plan = write_heavy_plan(Path(folder) / "heavy.json", TODAY, scale=args.scale)
        wanted = set(args.only or ("start", "memory", "agenda", "save", "move"))
        if wanted & {"start", "memory"}:
            start, memory = bench_start(plan, args.runs)
            results += [r for r in (start, memory) if r.name in wanted]
        if "agenda" in wanted:
            results.append(bench_agenda(plan, args.runs))
        if "save" in wanted:
            results.append(bench_save(plan, args.runs))
        if "move" in wanted:
            results.append(bench_move(plan, max(5, args.runs // 2)))
        size = plan.stat().st_size

    print(f"heavy plan: {size / 1024:.0f} KiB, {args.runs} runs each, median (spread)")
    header = f"{'bench':<8} {'pop':>20} {'baseline':>20} {'ratio':>7}  {'target':<10} met"
    print(header)
    print("-" * len(header))
    for r in results:
        pop = f"{r.subject_median:.1f} ({_spread(r.subject)}) {r.unit}"
        base = f"{r.baseline_median:.1f} ({_spread(r.baseline)}) {r.unit}"
        print(
            f"{r.name:<8} {pop:>20} {base:>20} {r.ratio:>6.2f}x  {r.target:<10} {'yes' if r.met else 'NO'}"
        )
    return 0 if all(r.met for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
