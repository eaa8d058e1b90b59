"""The shell commands against Taskwarrior, and their growth with the plan.

    python bench/shell.py [--runs N] [--scales 1 2 10]

For each scale of the heavy plan (bench/heavy_plan.py), times ``pop agenda`` and
``pop status`` as a login script runs them (no ``--db``: the plan found in the
data folder), and, when Taskwarrior is installed (``task``), ``task next`` on as
many pending tasks as the plan has open steps, with the same due dates and
titles. Taskwarrior gets a scratch TASKRC and TASKDATA in a temp folder, never
the user's own. Runs are interleaved (agenda, status, task, agenda, ...), so a
busy machine slows all three alike; each figure is the median (spread in
brackets), and the ratio is to ``task next`` in the same run.

Targets (issue 17): ``pop agenda`` <= 1.0x ``task next`` at scale 1 and <= 0.5x at
scale 10; ``pop status`` <= 0.8x at every scale. The exit code is 1 when one is
missed, 0 otherwise (and when ``task`` is missing, which only the growth shows).
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
import uuid
from datetime import UTC, date, datetime
from datetime import time as clock
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.heavy_plan import write_heavy_plan  # noqa: E402
from bench.run import TODAY, pop_command  # noqa: E402


def _timed(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, env=env, check=True)
    return (time.perf_counter() - started) * 1000, done.stdout


def _stamp(day: date) -> str:
    return datetime.combine(day, clock(12), UTC).strftime("%Y%m%dT%H%M%SZ")


def taskwarrior(folder: Path, plan_file: Path) -> dict[str, str] | None:
    """A scratch Taskwarrior holding one pending task per open step of the plan (same
    titles and due dates); its environment, or None when ``task`` is not installed."""
    task = shutil.which("task")
    if task is None:
        return None
    from pop_tui.store.plan_store import PlanStore

    plan = PlanStore.open(plan_file).plan
    data = folder / "taskdata"
    data.mkdir()
    rc = folder / "taskrc"
    rc.write_text(f"data.location={data}\nconfirmation=off\nnews.version=2.6.2\n")
    env = {**os.environ, "TASKRC": str(rc), "TASKDATA": str(data)}
    entry = _stamp(date(2021, 1, 1))
    tasks = [
        {
            "uuid": str(uuid.uuid4()),
            "description": step.title,
            "status": "pending",
            "entry": entry,
            "due": _stamp(step.due),
        }
        for step in plan.steps.values()
        if step.done_on is None and step.due is not None
    ]
    load = folder / "tasks.json"
    load.write_text(json.dumps(tasks))
    subprocess.run([task, "import", str(load)], env=env, capture_output=True, check=True)
    count = subprocess.run(
        [task, "status:pending", "count"], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    if int(count) != len(tasks):
        raise RuntimeError(f"Taskwarrior holds {count} tasks, not {len(tasks)}")
    return env


def bench_scale(scale: float, runs: int, folder: Path) -> dict[str, object]:
    data = folder / "data"
    (data / "pop-tui").mkdir(parents=True)
    plan = write_heavy_plan(data / "pop-tui" / "plan.json", TODAY, scale=scale)
    env = {
        **os.environ,
        "POP_TODAY": TODAY.isoformat(),
        "POP_LANG": "en",
        "XDG_DATA_HOME": str(data),
    }
    env.pop("POP_DB", None)
    env.pop("NO_COLOR", None)
    agenda, status = [*pop_command(), "agenda"], [*pop_command(), "status"]
    shown = _timed(agenda, env)[1]
    if "Last check-in" not in shown:
        raise RuntimeError(f"pop agenda did not find the plan in {data}:\n{shown}")
    task_env = taskwarrior(folder, plan)
    subjects: dict[str, tuple[list[str], dict[str, str]]] = {
        "agenda": (agenda, env),
        "status": (status, env),
    }
    if task_env is not None:
        subjects["task next"] = (["task", "next"], task_env)
    times: dict[str, list[float]] = {name: [] for name in subjects}
    for args, run_env in subjects.values():  # warm the caches of all three
        _timed(args, run_env)
    for _ in range(runs):
        for name, (args, run_env) in subjects.items():
            times[name].append(_timed(args, run_env)[0])
    from pop_tui.store.plan_store import PlanStore

    steps = PlanStore.open(plan).plan.steps.values()
    pending = sum(1 for s in steps if s.done_on is None and s.due is not None)
    return {"scale": scale, "pending": pending, "size": plan.stat().st_size, "times": times}


def _cell(values: list[float]) -> str:
    return f"{statistics.median(values):.1f} ({min(values):.0f}-{max(values):.0f})"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--scales", type=float, nargs="+", default=[1.0, 2.0, 10.0])
    args = parser.parse_args()
    results = []
    for scale in args.scales:
        with tempfile.TemporaryDirectory(prefix="pop-bench-shell-") as folder:
            results.append(bench_scale(scale, args.runs, Path(folder)))
    have_task = all("task next" in r["times"] for r in results)  # type: ignore[operator]
    print(f"{args.runs} interleaved runs each; median (lowest-highest) ms")
    header = f"{'scale':>5} {'open steps':>10} {'plan':>8} {'pop agenda':>16} {'pop status':>16}"
    if have_task:
        header += f" {'task next':>16} {'agenda':>7} {'status':>7}"
    print(header)
    print("-" * len(header))
    met = True
    for r in results:
        times: dict[str, list[float]] = r["times"]  # type: ignore[assignment]
        line = (
            f"{r['scale']:>5g} {r['pending']:>10,} {int(r['size']) / 1024:>6.0f}KB"  # type: ignore[call-overload]
            f" {_cell(times['agenda']):>16} {_cell(times['status']):>16}"
        )
        if have_task:
            task = statistics.median(times["task next"])
            agenda = statistics.median(times["agenda"]) / task
            status = statistics.median(times["status"]) / task
            line += f" {_cell(times['task next']):>16} {agenda:>6.2f}x {status:>6.2f}x"
            met &= status <= 0.8
            if r["scale"] == 1.0:
                met &= agenda <= 1.0
            if r["scale"] == 10.0:
                met &= agenda <= 0.5
        print(line)
    if have_task:
        print(
            "targets: agenda <= 1.0x at scale 1, <= 0.5x at scale 10; status <= 0.8x:",
            "met" if met else "NOT met",
        )
    else:
        print("Taskwarrior (task) is not installed: no comparison, only the growth.")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
