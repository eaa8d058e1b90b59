"""Texts of the SMART check and of typed numbers."""

EN: dict[str, str] = {
    "smart.letter.S": "Specific",
    "smart.letter.M": "Measurable",
    "smart.letter.A": "Acceptable",
    "smart.letter.R": "Realistic",
    "smart.letter.T": "Time-bound",
    "smart.score.ok": "ok",
    "smart.score.weak": "weak",
    "smart.score.missing": "missing",
    "smart.passed": "All five letters are in order.",
    "smart.s.no_aim": "Say exactly what you want to reach.",
    "smart.s.title_only": "Only the title says it so far: say in Specific what exactly.",
    "smart.s.short": '"{text}" is short: say what, where or for whom.',
    "smart.s.vague": (
        '"{word}" names a direction, not an end point: say what you will do '
        "or be able to do, and measure it."
    ),
    "smart.m.no_measure": (
        "How will you see progress? Name what you count or score, with a unit, "
        "where you start and where you want to be."
    ),
    "smart.m.no_metric": "A target without a measure: name what you count or score.",
    "smart.m.no_unit": (
        'The measure "{metric}" has no number or unit: in what do you count it '
        "(%, books, hours, a level)?"
    ),
    "smart.m.no_baseline": "No baseline: where do you start today?",
    "smart.m.no_target": "No target: what value do you want to reach?",
    "smart.m.target_is_baseline": (
        "The target equals the baseline ({value}): reaching it would change nothing."
    ),
    "smart.a.no_reason": "Why does it matter? Say what it gives you, and your employer.",
    "smart.a.no_reason_me": "Say what it gives you: that is what keeps you going.",
    "smart.a.no_reason_employer": (
        "Say what it gives your employer: that makes the goal easier to agree on."
    ),
    "smart.r.no_means": (
        "Is it realistic? Name the time and means you have: hours a week, a course, a budget."
    ),
    "smart.r.no_time": "How much time will you give it? Name hours or a rhythm (two hours a week).",
    "smart.t.no_deadline": "No deadline: by when do you want to be there?",
    "smart.t.past": "The deadline {deadline} has passed: set a new one, or close the goal.",
    "smart.t.beyond_short": (
        "The deadline is {months} months away; a short-term goal looks about a year "
        "ahead. Bring it closer or make it a long-term goal."
    ),
    "smart.t.beyond_long": (
        "The deadline is {months} months away; a long-term goal looks about five years "
        "ahead. Bring it closer or split the goal."
    ),
    "number.error.not_a_number": '"{text}" is not a number. Type digits, like 40 or 2.5.',
    "number.error.too_large": '"{text}" is too large to use as a number.',
}

NL: dict[str, str] = {
    "smart.letter.S": "Specifiek",
    "smart.letter.M": "Meetbaar",
    "smart.letter.A": "Acceptabel",
    "smart.letter.R": "Realistisch",
    "smart.letter.T": "Tijdgebonden",
    "smart.score.ok": "goed",
    "smart.score.weak": "zwak",
    "smart.score.missing": "ontbreekt",
    "smart.passed": "Alle vijf letters zijn in orde.",
    "smart.s.no_aim": "Zeg precies wat je wilt bereiken.",
    "smart.s.title_only": "Alleen de titel zegt het nog: schrijf bij Specifiek wat precies.",
    "smart.s.short": '"{text}" is kort: zeg wat, waar of voor wie.',
    "smart.s.vague": (
        '"{word}" geeft een richting, geen eindpunt: zeg wat je gaat doen of '
        "kunnen, en maak het meetbaar."
    ),
    "smart.m.no_measure": (
        "Waaraan zie je vooruitgang? Noem wat je telt of scoort, met een eenheid, "
        "waar je begint en waar je wilt uitkomen."
    ),
    "smart.m.no_metric": "Een streefwaarde zonder maatstaf: noem wat je telt of scoort.",
    "smart.m.no_unit": (
        'De maatstaf "{metric}" heeft geen getal of eenheid: waarin tel je het '
        "(%, boeken, uren, een niveau)?"
    ),
    "smart.m.no_baseline": "Geen beginwaarde: waar sta je nu?",
    "smart.m.no_target": "Geen streefwaarde: welke waarde wil je bereiken?",
    "smart.m.target_is_baseline": (
        "De streefwaarde is gelijk aan de beginwaarde ({value}): dan verandert er niets."
    ),
    "smart.a.no_reason": "Waarom is het belangrijk? Zeg wat het jou en je werkgever oplevert.",
    "smart.a.no_reason_me": "Zeg wat het jou oplevert: dat houdt je gemotiveerd.",
    "smart.a.no_reason_employer": (
        "Zeg wat het je werkgever oplevert: dan is het doel makkelijker af te spreken."
    ),
    "smart.r.no_means": (
        "Is het haalbaar? Noem de tijd en middelen die je hebt: uren per week, een "
        "cursus, een budget."
    ),
    "smart.r.no_time": ("Hoeveel tijd geef je het? Noem uren of een ritme (twee uur per week)."),
    "smart.t.no_deadline": "Geen deadline: wanneer wil je er zijn?",
    "smart.t.past": "De deadline {deadline} is voorbij: kies een nieuwe, of sluit het doel af.",
    "smart.t.beyond_short": (
        "De deadline ligt {months} maanden weg; een doel voor de korte termijn kijkt "
        "ongeveer een jaar vooruit. Haal hem dichterbij of maak er een langetermijndoel van."
    ),
    "smart.t.beyond_long": (
        "De deadline ligt {months} maanden weg; een doel voor de lange termijn kijkt "
        "ongeveer vijf jaar vooruit. Haal hem dichterbij of splits het doel."
    ),
    "number.error.not_a_number": '"{text}" is geen getal. Typ cijfers, zoals 40 of 2,5.',
    "number.error.too_large": '"{text}" is te groot om als getal te gebruiken.',
}
