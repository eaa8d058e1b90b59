"""The benchmarks still run (on a tiny plan, once each); their timings are not checked here."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import run
from bench.heavy_plan import build_heavy_plan, write_heavy_plan
from tests.conftest import TODAY

# With pytest -n: the small heavy plan (a module fixture) is written once: all of this file on one worker.
pytestmark = pytest.mark.xdist_group("test_bench_smoke")


@pytest.fixture(scope="module")
def tiny_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_heavy_plan(tmp_path_factory.mktemp("bench") / "tiny.json", TODAY, scale=0.02)


def test_heavy_plan_has_the_promised_size() -> None:
    plan = build_heavy_plan(TODAY)
    assert len(plan.goals) == 60
    assert len(plan.steps) == 3000
    assert len(plan.checkins) == 1825
    assert len(plan.reviews) == 250
    open_steps = [s for s in plan.steps.values() if s.done_on is None]
    assert 1200 < len(open_steps) < 1800
    assert any(s.due is not None and s.due < TODAY for s in open_steps)


@pytest.mark.slow
def test_start_and_memory_benchmarks_run(tiny_plan: Path) -> None:
    start, memory = run.bench_start(tiny_plan, runs=1)
    assert start.subject and start.baseline and memory.subject and memory.baseline


@pytest.mark.slow
def test_agenda_benchmark_runs(tiny_plan: Path) -> None:
    assert run.bench_agenda(tiny_plan, runs=1).subject


def test_save_benchmark_runs(tiny_plan: Path) -> None:
    result = run.bench_save(tiny_plan, runs=1)
    assert result.subject and result.baseline


@pytest.mark.slow
def test_move_benchmark_runs(tiny_plan: Path) -> None:
    assert run.bench_move(tiny_plan, runs=1, moves=4).subject


@pytest.mark.slow
def test_shell_benchmark_runs_against_a_scratch_taskwarrior(tmp_path: Path) -> None:
    import os
    import shutil

    from bench import shell

    home_taskrc = Path(os.path.expanduser("~/.taskrc"))
    existed = home_taskrc.exists()
    result = shell.bench_scale(0.02, 1, tmp_path)
    times = result["times"]
    assert isinstance(times, dict) and times["agenda"] and times["status"]
    if shutil.which("task") is not None:
        assert times["task next"]
        # A scratch TASKRC and TASKDATA: the user's own are never touched.
        assert (tmp_path / "taskrc").exists() and (tmp_path / "taskdata").is_dir()
        assert home_taskrc.exists() == existed
