"""``pop completion bash|zsh|fish``, run in the real shells with the real ``pop`` on PATH."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pop_tui.cli.completion import candidates
from pop_tui.store.plan_store import PlanStore
from tests.conftest import TODAY
from tests.pop_shell import pop

BIN = Path(sys.executable).parent
OPEN_STEPS = ["13", "2", "5", "6", "9", "14", "16", "10", "11", "15", "7", "3"]


def shell_env(plan: Path, tmp_path: Path) -> dict[str, str]:
    if not (BIN / "pop").exists():
        pytest.skip("pop is not installed in this environment")
    return {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "POP_DB": str(plan),
        "POP_TODAY": TODAY.isoformat(),
        "POP_LANG": "en",
        "HOME": str(tmp_path),
    }


def run_shell(args: list[str], env: dict[str, str], cwd: Path) -> str:
    done = subprocess.run(args, capture_output=True, text=True, env=env, cwd=cwd, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


BASH_CASES = [
    (["pop", "do"], ["done"]),
    (["pop", "done", ""], OPEN_STEPS),
    (["pop", "checkin", "--done", "13", "1"], ["13", "14", "16", "10", "11", "15"]),
    (["pop", "add", "goal", "X", "--horizon", ""], ["short", "long"]),
    (["pop", "edit", ""], ["goal", "action", "step", "review"]),
    (["pop", "edit", "goal", "4", "--ta"], ["--target"]),
    (["pop", "review", "hold", ""], ["1", "2", "3"]),
    (["pop", "feedback", "answer", ""], ["1"]),
    (["pop", "--lang", ""], ["en", "nl"]),
    (["pop", "list", "r"], ["reviews"]),
    (["pop", "export", "-o", "pl"], ["plan.json", "plan.json.lock"]),
]


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completes_commands_options_and_numbers(demo_store: PlanStore, tmp_path: Path) -> None:
    env = shell_env(demo_store.path, tmp_path)
    lines = ['eval "$(pop completion bash)"', "complete -p pop"]
    for words, _ in BASH_CASES:
        quoted = " ".join(f"'{w}'" for w in words)
        lines.append(
            f"COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; COMPREPLY=(); "
            '_pop_complete; echo "${COMPREPLY[*]}"'
        )
    out = run_shell(["bash", "--norc", "-c", "\n".join(lines)], env, demo_store.path.parent)
    first, *answers = out.splitlines()
    assert first == "complete -o default -F _pop_complete pop"
    for (words, expected), answer in zip(BASH_CASES, answers, strict=True):
        assert sorted(answer.split()) == sorted(expected), words


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_completes_numbers_with_their_titles(demo_store: PlanStore, tmp_path: Path) -> None:
    env = shell_env(demo_store.path, tmp_path)
    script = (
        "pop completion fish | source; "
        "complete -C 'pop done '; echo ---; complete -C 'pop ed'; echo ---; "
        "complete -C 'pop edit goal 4 --tar'"
    )
    out = run_shell(["fish", "--no-config", "-c", script], env, tmp_path)
    steps, commands, options = out.split("---\n")
    assert "13\tModule 2: pivot tables" in steps.splitlines()
    assert sorted(line.split("\t")[0] for line in steps.splitlines()) == sorted(OPEN_STEPS)
    assert commands.strip() == "edit\tchange a goal, an action, a step or a review"
    assert options.strip() == "--target\tM: the value you want to reach"


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_describes_numbers_with_their_titles(demo_store: PlanStore, tmp_path: Path) -> None:
    env = shell_env(demo_store.path, tmp_path)
    # The completion system itself, with _describe and _files caught: what _pop hands them.
    script = (
        "autoload -Uz compinit && compinit -u -D -d $HOME/.zcompdump; "
        'eval "$(pop completion zsh)"; print -r -- "registered $_comps[pop]"; '
        '_describe() { print -rl -- "${(@P)${@[-1]}}"; print -- --- }; '
        "_files() { print files; print -- --- }; "
        "words=(pop done ''); CURRENT=3; _pop; "
        "words=(pop edit goal 4 --tar); CURRENT=5; _pop; "
        "words=(pop import ''); CURRENT=3; _pop"
    )
    out = run_shell(["zsh", "-f", "-c", script], env, tmp_path)
    registered, rest = out.split("\n", 1)
    steps, options, files, _ = rest.split("---\n")
    assert registered == "registered _pop"
    assert "13:Module 2: pivot tables" in steps.splitlines()
    assert options.strip() == "--target:M: the value you want to reach"
    assert files.strip() == "files"


def test_completion_scripts_are_printed_and_say_where_they_go(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for shell, where in (
        ("bash", "bash-completion/completions/pop"),
        ("zsh", "fpath"),
        ("fish", "~/.config/fish/completions/pop.fish"),
    ):
        ran = pop(capsys, "completion", shell)
        assert ran.code == 0 and where in ran.out and "pop __complete" in ran.out
    assert pop(capsys, "completion", "tcsh").code == 2


def test_candidates_follow_the_parser(demo_store: PlanStore) -> None:
    env = {"POP_DB": str(demo_store.path)}
    # Options the command has, with their help; values of options that take one.
    found = candidates(["pop", "agenda", "--"], 2, env)
    assert isinstance(found, list)
    assert {"--days", "--json", "--brief", "--db", "--lang", "--help"} <= {w for w, _ in found}
    assert candidates(["pop", "agenda", "--days", ""], 3, env) == []
    assert candidates(["pop", "edit", "review", "3", "--goal", "4"], 5, env) == [
        ("4", "Spreadsheet skills from basic to advanced")
    ]
    # The hidden command is not offered.
    commands = candidates(["pop", ""], 1, env)
    assert isinstance(commands, list)
    assert "__complete" not in {w for w, _ in commands} and "completion" in {w for w, _ in commands}
    # A damaged or missing plan offers no numbers, and no error.
    assert candidates(["pop", "done", ""], 2, {"POP_DB": "/nonexistent/plan.json"}) == []


def test_the_numbers_come_from_the_plan_named_on_the_line(
    demo_store: PlanStore, tmp_path: Path
) -> None:
    other = tmp_path / "other.json"
    found = candidates(["pop", "--db", str(other), "done", ""], 4, {"POP_DB": str(demo_store.path)})
    assert found == []
    found = candidates(["pop", f"--db={demo_store.path}", "done", "1"], 3, {})
    assert isinstance(found, list) and {w for w, _ in found} == {"13", "14", "16", "10", "11", "15"}


ZPTY = r"""
zmodload zsh/zpty || exit 3
zpty -b z 'zsh -f -i'
zpty -w z 'PS1="> "; autoload -Uz compinit; compinit -u -D -d $HOME/.zcompdump; eval "$(pop completion zsh)"'
zpty -w -n z $'pop done \t'
out=""
for attempt in {1..200}; do
    while zpty -r -t z line; do out+="$line"; done
    [[ "$out" == *"Sign up for the course"* ]] && break
    sleep 0.1
done
zpty -d z
print -r -- "$out"
"""


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_tab_in_a_real_terminal_lists_the_open_steps(
    demo_store: PlanStore, tmp_path: Path
) -> None:
    env = shell_env(demo_store.path, tmp_path)
    done = subprocess.run(
        ["zsh", "-f", "-c", ZPTY], capture_output=True, text=True, env=env, timeout=60
    )
    if done.returncode == 3:
        pytest.skip("zsh has no zpty module")
    assert "Module 2: pivot tables" in done.stdout
    assert "Sign up for the course" in done.stdout
