"""A heavy plan: what five years of daily use would leave in the file.

About 60 goals, 300 actions, 3,000 steps (half open, some overdue), 1,825
check-ins with notes, 250 reviews (some recurring), 300 feedback items, long
texts in Dutch and English. Seeded, so every run builds the same plan.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from pop_tui.core.edit import Edit
from pop_tui.core.model import (
    PROFILE_ID,
    Action,
    CheckIn,
    EmployerGoal,
    Feedback,
    Goal,
    GoalChange,
    Plan,
    Profile,
    ProgressEntry,
    Reflection,
    Review,
    Step,
    SwotItem,
    Trend,
)

WORDS_EN = [
    "lead",
    "team",
    "course",
    "marketing",
    "data",
    "report",
    "feedback",
    "colleague",
    "practise",
    "meeting",
    "plan",
    "budget",
    "training",
    "presentation",
    "pivot",
    "table",
    "analysis",
    "customer",
    "growth",
    "skill",
    "review",
    "project",
    "deadline",
    "manager",
    "conversation",
    "weekly",
    "improve",
    "learn",
    "book",
    "chapter",
    "module",
]
WORDS_NL = [
    "leiden",
    "team",
    "cursus",
    "marketing",
    "data",
    "rapport",
    "feedback",
    "collega",
    "oefenen",
    "overleg",
    "plan",
    "budget",
    "training",
    "presentatie",
    "draaitabel",
    "analyse",
    "klant",
    "groei",
    "vaardigheid",
    "evaluatie",
    "project",
    "deadline",
    "leidinggevende",
    "gesprek",
    "wekelijks",
    "verbeteren",
    "leren",
    "boek",
    "hoofdstuk",
]


def _text(rng: random.Random, words: int) -> str:
    pool = WORDS_NL if rng.random() < 0.5 else WORDS_EN
    return " ".join(rng.choice(pool) for _ in range(words)).capitalize()


def build_heavy_plan(today: date, *, scale: float = 1.0, seed: int = 2026) -> Plan:
    """The heavy plan around ``today``; ``scale`` shrinks it (the smoke test uses 0.02)."""
    rng = random.Random(seed)
    plan = Plan()
    edit = Edit(plan)

    def n(count: int) -> int:
        return max(1, round(count * scale))

    def day(offset: int) -> date:
        return today + timedelta(days=offset)

    edit.put(Profile(id=PROFILE_ID, owner="Sam", dream_job=_text(rng, 5)))
    swot = [
        edit.add(SwotItem, quadrant=rng.choice("SWOT"), text=_text(rng, 8), order=i)
        for i in range(n(40))
    ]
    for i in range(n(12)):
        edit.add(Trend, text=_text(rng, 12), order=i)
    employer = [
        edit.add(
            EmployerGoal,
            title=_text(rng, 7),
            department_contribution=_text(rng, 20),
            my_contribution=_text(rng, 15),
            order=i,
        )
        for i in range(n(10))
    ]
    goals = []
    for i in range(n(60)):
        numeric = rng.random() < 0.6
        goals.append(
            edit.add(
                Goal,
                title=_text(rng, 6),
                kind=rng.choice(("professional", "personal", "broad")),
                horizon=rng.choice(("short", "long")),
                status=rng.choice(("active", "active", "active", "done", "dropped")),
                specific=_text(rng, 40),
                metric=_text(rng, 3) if numeric else "",
                unit="%" if numeric else "",
                baseline=float(rng.randint(0, 40)) if numeric else None,
                target=float(rng.randint(60, 100)) if numeric else None,
                current=float(rng.randint(0, 80)) if numeric else None,
                why_me=_text(rng, 25),
                why_employer=_text(rng, 25),
                means=_text(rng, 15),
                deadline=day(rng.randint(-200, 1500)),
                created=day(-rng.randint(100, 1800)),
                swot_ids=tuple(s.id for s in rng.sample(swot, min(3, len(swot)))),
                employer_goal_ids=(rng.choice(employer).id,),
                order=i,
            )
        )
    actions = [
        edit.add(
            Action,
            goal_id=rng.choice(goals).id,
            action=_text(rng, 10),
            result=_text(rng, 10),
            obstacles=_text(rng, 20),
            order=i,
        )
        for i in range(n(300))
    ]
    for i in range(n(3000)):
        action = rng.choice(actions)
        done = rng.random() < 0.5
        due = day(rng.randint(-1700, 60) if done else rng.randint(-30, 400))
        edit.add(
            Step,
            goal_id=action.goal_id,
            action_id=action.id,
            title=_text(rng, rng.randint(4, 14)),
            due=due,
            done_on=due + timedelta(days=rng.randint(-5, 5)) if done else None,
            order=i,
        )
    for _ in range(n(250)):
        recurring = rng.random() < 0.2
        start = day(rng.randint(-1800, 30))
        edit.add(
            Review,
            title=_text(rng, 5),
            goal_id=rng.choice(goals).id if rng.random() < 0.5 else None,
            start=start,
            rule=rng.choice(("FREQ=MONTHLY", "FREQ=WEEKLY;INTERVAL=2", "FREQ=MONTHLY;INTERVAL=3"))
            if recurring
            else "",
            next_on=day(rng.randint(-10, 60)) if recurring or start >= today else None,
        )
    for i in range(n(1825)):
        edit.add(
            CheckIn,
            on=day(-i),
            note=_text(rng, rng.randint(5, 40)),
            mood=rng.randint(1, 5),
        )
    for _ in range(n(300)):
        asked = day(-rng.randint(1, 1800))
        answered = rng.random() < 0.8
        edit.add(
            Feedback,
            from_whom=_text(rng, 2),
            goal_id=rng.choice(goals).id,
            question=_text(rng, 12),
            asked_on=asked,
            wanted_by=asked + timedelta(days=14),
            answer=_text(rng, 60) if answered else "",
            answered_on=asked + timedelta(days=7) if answered else None,
        )
    for _ in range(n(400)):
        edit.add(
            Reflection,
            on=day(-rng.randint(1, 1800)),
            goal_id=rng.choice(goals).id,
            learned=_text(rng, 30),
            differently=_text(rng, 20),
        )
    for _ in range(n(600)):
        edit.add(
            ProgressEntry,
            goal_id=rng.choice(goals).id,
            on=day(-rng.randint(1, 1800)),
            value=float(rng.randint(0, 100)),
        )
    for _ in range(n(120)):
        edit.add(
            GoalChange,
            goal_id=rng.choice(goals).id,
            on=day(-rng.randint(1, 1800)),
            field="deadline",
            before=day(rng.randint(-100, 100)).isoformat(),
            after=day(rng.randint(100, 300)).isoformat(),
            reason=_text(rng, 15),
        )
    return plan


def write_heavy_plan(path: Path, today: date, *, scale: float = 1.0) -> Path:
    """Write the heavy plan as a fresh plan file (its creation is not in the undo history)."""
    from pop_tui.store.plan_store import write_new_plan

    write_new_plan(path, build_heavy_plan(today, scale=scale))
    return path
