"""An example plan to try pop on, in English or Dutch.

It follows the example of the method: goals about leading people, marketing
knowledge and communicating with colleagues, a SMART goal about spreadsheet
skills, a SWOT, employer goals, and steps of which some are overdue. All dates
are relative to ``today``, so the demo always has something to show.

Long on purpose: the example plan is data, in two languages.
"""

from __future__ import annotations

from datetime import date, timedelta

from pop_tui.core.edit import Edit
from pop_tui.core.model import (
    PROFILE_ID,
    Action,
    CheckIn,
    EmployerGoal,
    Feedback,
    Goal,
    GoalChange,
    Profile,
    ProgressEntry,
    Reflection,
    Step,
    SwotItem,
    Trend,
)
from pop_tui.core.ops import schedule_review

Text = tuple[str, str]


def _pick(lang: str, text: Text) -> str:
    return text[1] if lang == "nl" else text[0]


def populate_demo(edit: Edit, today: date, lang: str = "en") -> None:
    """Fill an empty plan with the example plan, dated around ``today``."""

    def tr(text: Text) -> str:
        return _pick(lang, text)

    def day(offset: int) -> date:
        return today + timedelta(days=offset)

    edit.put(
        Profile(
            id=PROFILE_ID,
            owner="Sam",
            language=lang,
            dream_job=tr(("Team lead, marketing analytics", "Teamleider marketinganalyse")),
            dream_job_qualities=tuple(
                tr(q)
                for q in (
                    ("Leading a small team", "Een klein team aansturen"),
                    ("Working with data every day", "Elke dag met data werken"),
                    ("Room for my own ideas", "Ruimte voor eigen ideeën"),
                )
            ),
            answer_goals_help=tr(
                (
                    "Better reports and clearer talks with colleagues help the team hit the "
                    "sales target; for me they are the road to leading a team.",
                    "Betere rapportages en heldere gesprekken met collega's helpen het team de "
                    "omzetdoelen te halen; voor mij zijn ze de weg naar een leidinggevende rol.",
                )
            ),
            answer_employer_can_do=tr(
                (
                    "Pay the leadership course and give me two hours a week to practise.",
                    "De cursus leidinggeven betalen en mij twee uur per week geven om te oefenen.",
                )
            ),
        )
    )

    swot: dict[str, SwotItem] = {}
    for key, quadrant, text in (
        ("data", "S", ("Good at analysing data", "Goed in data analyseren")),
        ("calm", "S", ("Calm under pressure", "Rustig onder druk")),
        ("avoid", "W", ("I avoid difficult conversations", "Ik ga lastige gesprekken uit de weg")),
        ("mkt", "W", ("Little knowledge of marketing", "Weinig kennis van marketing")),
        ("grow", "O", ("The marketing team is growing", "Het marketingteam groeit")),
        ("budget", "O", ("A training budget every year", "Elk jaar een opleidingsbudget")),
        (
            "auto",
            "T",
            ("Routine reports get automated", "Standaardrapportages worden geautomatiseerd"),
        ),
        ("reorg", "T", ("A reorganisation is planned", "Er staat een reorganisatie gepland")),
    ):
        swot[key] = edit.add(SwotItem, quadrant=quadrant, text=tr(text), order=len(swot))
    for n, text in enumerate(
        (
            ("AI tools take over routine analysis", "AI-tools nemen routine-analyses over"),
            (
                "Employers ask for data skills in every role",
                "Werkgevers vragen in elke functie om datavaardigheden",
            ),
        )
    ):
        edit.add(Trend, text=tr(text), order=n)

    sales = edit.add(
        EmployerGoal,
        title=tr(
            ("Grow online sales by 15% next year", "Online omzet volgend jaar 15% laten groeien")
        ),
        department_contribution=tr(
            (
                "Marketing analytics delivers weekly campaign figures",
                "Marketinganalyse levert elke week campagnecijfers",
            )
        ),
        my_contribution=tr(("I build the campaign reports", "Ik maak de campagnerapportages")),
        competencies_to_develop=tr(
            ("Marketing knowledge, presenting", "Kennis van marketing, presenteren")
        ),
        unused_talents=tr(("Teaching others spreadsheets", "Anderen spreadsheets leren")),
        order=0,
    )
    teams = edit.add(
        EmployerGoal,
        title=tr(
            ("Better cooperation between departments", "Betere samenwerking tussen afdelingen")
        ),
        department_contribution=tr(
            ("Monthly meeting with sales and service", "Maandelijks overleg met sales en service")
        ),
        my_contribution=tr(("Not yet: I rarely speak up there", "Nog niet: ik zeg daar weinig")),
        competencies_to_develop=tr(("Giving and asking feedback", "Feedback geven en vragen")),
        unused_talents=tr(("Explaining figures simply", "Cijfers eenvoudig uitleggen")),
        order=1,
    )

    def goal(title: Text, order: int, **fields: object) -> Goal:
        return edit.add(Goal, title=tr(title), order=order, created=day(-120), **fields)

    lead = goal(
        ("Get better at leading people", "Beter worden in leidinggeven"),
        0,
        specific=tr(
            ("Lead the weekly team meeting on my own", "Zelf het wekelijkse teamoverleg leiden")
        ),
        deadline=day(150),
        why_me=tr(("A step towards my dream job", "Een stap naar mijn droombaan")),
        swot_ids=(swot["avoid"].id, swot["grow"].id),
        employer_goal_ids=(teams.id,),
    )
    marketing = goal(
        ("Learn more about marketing", "Meer kennis over marketing opdoen"),
        1,
        metric=tr(("marketing books read", "marketingboeken gelezen")),
        unit=tr(("books", "boeken")),
        baseline=0.0,
        target=4.0,
        current=1.0,
        deadline=day(120),
        why_me=tr(
            (
                "I want to understand the campaigns I report on",
                "Ik wil de campagnes begrijpen waarover ik rapporteer",
            )
        ),
        why_employer=tr(("Better advice on campaigns", "Beter advies over campagnes")),
        swot_ids=(swot["mkt"].id,),
        employer_goal_ids=(sales.id,),
    )
    talk = goal(
        ("Communicate better with colleagues", "Effectiever communiceren met collega's"),
        2,
        deadline=day(200),
        why_me=tr(
            (
                "Fewer misunderstandings, more say in decisions",
                "Minder misverstanden, meer invloed op besluiten",
            )
        ),
        swot_ids=(swot["avoid"].id,),
        employer_goal_ids=(teams.id,),
    )
    sheets = goal(
        (
            "Spreadsheet skills from basic to advanced",
            "Spreadsheetvaardigheden van basis naar gevorderd",
        ),
        3,
        specific=tr(
            (
                "Master pivot tables, lookups and charts for the campaign reports",
                "Draaitabellen, zoekfuncties en grafieken beheersen voor de campagnerapportages",
            )
        ),
        metric=tr(
            ("score on the advanced spreadsheet test", "score op de toets spreadsheets gevorderd")
        ),
        unit="%",
        baseline=40.0,
        target=80.0,
        current=55.0,
        deadline=day(95),
        why_me=tr(("Reports in half the time", "Rapportages in de helft van de tijd")),
        why_employer=tr(
            (
                "Faster and more reliable figures for the sales target",
                "Snellere en betrouwbaardere cijfers voor het omzetdoel",
            )
        ),
        means=tr(
            (
                "Online course, two hours a week, paid by my employer",
                "Online cursus, twee uur per week, betaald door mijn werkgever",
            )
        ),
        swot_ids=(swot["data"].id, swot["auto"].id),
        employer_goal_ids=(sales.id,),
    )
    goal(
        ("Lead a team within five years", "Binnen vijf jaar een team leiden"),
        4,
        horizon="long",
        deadline=day(1700),
        why_me=tr(("My dream job", "Mijn droombaan")),
        employer_goal_ids=(teams.id,),
    )
    spanish = goal(
        ("Speak Spanish at B1 level", "Spaans spreken op B1-niveau"),
        5,
        kind="broad",
        horizon="long",
        deadline=day(700),
        why_me=tr(("Holidays and our office in Valencia", "Vakanties en ons kantoor in Valencia")),
    )

    def action(g: Goal, text: Text, result: Text, obstacles: Text, order: int) -> Action:
        return edit.add(
            Action,
            goal_id=g.id,
            action=tr(text),
            result=tr(result),
            obstacles=tr(obstacles),
            order=order,
        )

    def steps(a: Action, plan: list[tuple[Text, int, int | None]]) -> list[Step]:
        made = []
        for n, (title, due, done) in enumerate(plan):
            made.append(
                edit.add(
                    Step,
                    goal_id=a.goal_id,
                    action_id=a.id,
                    title=tr(title),
                    due=day(due),
                    done_on=day(done) if done is not None else None,
                    order=n,
                )
            )
        return made

    a_lead = action(
        lead,
        ("Take a course in leadership skills", "Cursus leiderschapsvaardigheden volgen"),
        ("Better leadership skills", "Verbeterde leiderschapsvaardigheden"),
        ("Busy season in spring", "Drukke periode in het voorjaar"),
        0,
    )
    lead_steps = steps(
        a_lead,
        [
            (("Find a suitable course", "Geschikte cursus zoeken"), -30, -33),
            (("Sign up for the course", "Inschrijven voor de cursus"), -6, None),
            (("Finish the course", "Cursus afronden"), 140, None),
        ],
    )
    a_mkt = action(
        marketing,
        (
            "Read books on marketing and take an online course",
            "Boeken over marketing lezen en een online cursus volgen",
        ),
        ("Better knowledge of marketing", "Verbeterde kennis over marketing"),
        ("Little time to read in the evening", "Weinig tijd om 's avonds te lezen"),
        0,
    )
    steps(
        a_mkt,
        [
            (("Choose books on marketing", "Boeken over marketing uitzoeken"), -20, -21),
            (("Block reading time in my calendar", "Tijd vrijmaken om te lezen"), -2, None),
            (("Find an online course", "Online cursus zoeken"), 3, None),
            (("Finish the online course", "Online cursus afronden"), 110, None),
        ],
    )
    a_talk = action(
        talk,
        (
            "Take a communication training and practise asking for feedback",
            "Training effectieve communicatie volgen en oefenen met feedback vragen",
        ),
        ("Better communication skills", "Verbeterde communicatievaardigheden"),
        ("Feels awkward to ask for feedback", "Feedback vragen voelt ongemakkelijk"),
        0,
    )
    steps(
        a_talk,
        [
            (("Find a suitable training", "Geschikte training zoeken"), -10, -12),
            (("Sign up for the training", "Inschrijven voor de training"), 5, None),
            (("Set aside time to practise", "Tijd vrijmaken om te oefenen"), 30, None),
            (("Ask two colleagues for feedback", "Twee collega's om feedback vragen"), 60, None),
        ],
    )
    a_sheets = action(
        sheets,
        (
            "Follow an online spreadsheet course and practise weekly",
            "Online cursus spreadsheets volgen en elke week oefenen",
        ),
        (
            "Campaign reports built with pivot tables",
            "Campagnerapportages gemaakt met draaitabellen",
        ),
        ("Course modules take longer than planned", "Cursusmodules kosten meer tijd dan gepland"),
        0,
    )
    steps(
        a_sheets,
        [
            (("Module 1: formulas and lookups", "Module 1: formules en zoekfuncties"), -45, -47),
            (("Module 2: pivot tables", "Module 2: draaitabellen"), -9, None),
            (
                (
                    "Rebuild the weekly report with a pivot table",
                    "Weekrapportage opnieuw bouwen met een draaitabel",
                ),
                6,
                None,
            ),
            (("Take the advanced test", "Toets gevorderd afleggen"), 90, None),
        ],
    )
    a_es = action(
        spanish,
        ("Evening class Spanish", "Avondcursus Spaans"),
        ("Hold a simple conversation", "Een eenvoudig gesprek voeren"),
        ("Evenings are often full", "Avonden zitten vaak vol"),
        0,
    )
    steps(
        a_es, [(("Sign up for the spring class", "Inschrijven voor de voorjaarscursus"), 25, None)]
    )

    schedule_review(
        edit,
        tr(("Monthly look at my plan", "Maandelijks mijn plan doorlopen")),
        start=day(5),
        rule="FREQ=MONTHLY",
    )
    schedule_review(
        edit,
        tr(("Quarterly check of the spreadsheet goal", "Kwartaalcheck spreadsheetdoel")),
        start=day(10),
        rule="FREQ=MONTHLY;INTERVAL=3",
        goal_id=sheets.id,
    )
    schedule_review(
        edit,
        tr(
            (
                "Performance conversation with my manager",
                "Functioneringsgesprek met mijn leidinggevende",
            )
        ),
        start=day(40),
    )

    for offset, value in ((-90, 40.0), (-45, 48.0), (-10, 55.0)):
        edit.add(ProgressEntry, goal_id=sheets.id, on=day(offset), value=value)
    edit.add(
        GoalChange,
        goal_id=sheets.id,
        on=day(-40),
        field="deadline",
        before=day(60).isoformat(),
        after=day(95).isoformat(),
        reason=tr(
            (
                "The course has one module more than I thought",
                "De cursus heeft een module meer dan gedacht",
            )
        ),
    )
    edit.add(
        Reflection,
        on=day(-33),
        goal_id=lead.id,
        step_id=lead_steps[0].id,
        learned=tr(
            (
                "Courses differ a lot in how much practice they give",
                "Cursussen verschillen sterk in hoeveel oefening ze bieden",
            )
        ),
        differently=tr(("Ask colleagues for tips first", "Eerst collega's om tips vragen")),
    )
    edit.add(
        Feedback,
        from_whom=tr(("my manager", "mijn leidinggevende")),
        goal_id=talk.id,
        question=tr(
            ("How do I come across in the team meeting?", "Hoe kom ik over in het teamoverleg?")
        ),
        asked_on=day(-14),
        wanted_by=day(-3),
    )
    for offset, mood, note in (
        (-3, 3, ("Tired, but read a chapter", "Moe, maar wel een hoofdstuk gelezen")),
        (-2, 4, ("Good talk with a colleague", "Goed gesprek met een collega")),
        (-1, 4, ("Practised pivot tables for half an hour", "Half uur draaitabellen geoefend")),
    ):
        edit.add(CheckIn, on=day(offset), mood=mood, note=tr(note))
