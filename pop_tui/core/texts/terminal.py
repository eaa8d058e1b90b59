"""Texts of pop at home in any terminal: key names, the command palette, keymaps,
small windows, languages and themes, and the guided start."""

EN: dict[str, str] = {
    # Keys as they are shown.
    "key.space": "space",
    "term.key.palette": "Find",
    "term.quit_hint": "Press {key} to quit pop.",
    # The command palette.
    "palette.placeholder": "Type part of a title, or what you want to do…",
    "palette.no_matches": "Nothing found",
    "palette.kind.goal": "Goal",
    "palette.kind.action": "Action",
    "palette.kind.step": "Step",
    "palette.kind.review": "Review",
    "palette.hit": "{kind}: {title}",
    "palette.go": "Go to {section}",
    "palette.go.help": "Show this part of the plan",
    "palette.here.help": "On this screen: {key}",
    "palette.new_goal": "New goal",
    "palette.new_goal.help": "Add a goal, with the SMART check beside it",
    "palette.checkin": "Check in",
    "palette.checkin.help": "Tick off today's steps, add a note and a mood",
    "palette.review": "Hold a review",
    "palette.review.help": "Go through every active goal: progress, notes, changes",
    "palette.export": "Export the plan",
    "palette.export.help": "Markdown, HTML, calendar or JSON",
    "palette.language": "Switch language to Dutch",
    "palette.language.help": "Every screen, key and date in Dutch",
    "palette.theme": "Change colours",
    "palette.theme.help": "Pick a colour theme; pop remembers it",
    "palette.theme.placeholder": "Type part of a theme's name…",
    "palette.theme.current": "the theme now",
    "palette.guide": "Guided start",
    "palette.guide.help": "Walk through the four parts of the plan",
    "palette.help": "Keys and help",
    "palette.help.help": "The keys of this screen and the method in short",
    "palette.quit": "Quit pop",
    "palette.quit.help": "Everything is saved already",
    "palette.step.help": "{goal} · {when}",
    "palette.step.no_date": "no date",
    "palette.review.plan": "whole plan",
    "palette.not_shown": "That review is not shown on any screen yet.",
    # Languages and themes.
    "lang.switched": "Language: English",
    "theme.switched": "Colours: {name}",
    "theme.not_saved": "The colours were changed, but could not be remembered: {error}",
    # Keymaps.
    "keymap.unused": "{path} was not used: {problem}",
    "keymap.unreadable": "it could not be read ({error})",
    "keymap.bad_toml": "it is not valid TOML ({error})",
    "keymap.unknown_id": "there is no key with the id “{id}” (the README lists them)",
    "keymap.bad_value": '“{id}” must be a key or a list of keys, like "ctrl+n" or ["n", "a"]',
    "keymap.bad_key": "“{key}” (for “{id}”) is not a key name pop knows",
    "keymap.help": "Keys can be changed in {path}.",
    "help.form": "Tab and shift+Tab move between the fields; Enter in a text field saves the form.",
    # A window too small.
    "small.title": "This window is too small for pop",
    "small.body": "pop needs at least {need} characters; this window has {have}. Make it larger and pop carries on where you were.",
    "small.quit": "Press {key} to quit.",
    # The guided start.
    "guide.welcome.title": "Welcome to pop",
    "guide.welcome": (
        "Your plan is still empty. In five short steps you make a start with each part of "
        "it: what you are good at and what is in your way, one goal made SMART, what your "
        "employer wants, a first dated step, and a moment to look back. Enter goes on to "
        "the next step; Escape skips a step."
    ),
    "guide.start": "Start (Enter)",
    "guide.key.skip": "Not now",
    "guide.skip_all": "Not now (Esc)",
    "guide.swot.title": "1 of 5 · Analysis",
    "guide.swot.intro": (
        "Name one thing for each part of your SWOT: a strength, a weakness, an "
        "opportunity and a threat. Leave out what you cannot name yet. Escape skips this step."
    ),
    "guide.swot.intro_owner": (
        "First your name, as it goes on the printed plan (optional). Then one thing for each "
        "part of your SWOT: a strength, a weakness, an opportunity and a threat. Leave out "
        "what you cannot name yet. Escape skips this step."
    ),
    "guide.field.owner": "Your name",
    "guide.button.next": "Next (Enter)",
    "guide.button.skip": "Skip (Esc)",
    "guide.key.next": "Next",
    "guide.key.skip_step": "Skip",
    "guide.next.title": "Next",
    "guide.next.empty": "Empty plan. Enter: guided start, {step}",
    "guide.next.step": "Enter: guided start, {step}",
    "guide.goal.linked": "It starts linked to the weaknesses and threats you wrote down.",
    "guide.goal.title": "2 of 5 · A goal",
    "guide.goal.intro": (
        "One goal for about a year ahead. The SMART check shows which letter still needs "
        "work. Escape skips this step."
    ),
    "guide.employer.title": "3 of 5 · Employer",
    "guide.employer.intro": (
        "What does your organisation want to reach, and what do you add to it? Escape "
        "skips this step."
    ),
    "guide.action.title": "4 of 5 · Action plan",
    "guide.action.intro": (
        "How will you reach “{goal}”? Name an action, the result you expect and the first "
        "step with a date. Escape skips this step."
    ),
    "guide.review.title": "5 of 5 · Looking back",
    "guide.review.intro": (
        "When will you look back at your plan? Choose the first date and how often it "
        "comes back. Escape skips this step."
    ),
    "guide.field.first_step": "First step",
    "guide.field.review_title": "Review",
    "guide.field.review_on": "First on",
    "guide.field.repeat": "Comes back",
    "guide.review.default_title": "Look back at my plan",
    "guide.repeat.none": "once",
    "guide.repeat.monthly": "every month",
    "guide.repeat.quarterly": "every quarter",
    "guide.done": "Your plan has a start. The dashboard shows what is next; press ? for the keys.",
    "guide.skipped": "The guided start waits at the top of the dashboard: Enter starts it.",
    "label.guide.swot": "Guided start: SWOT",
    "label.guide.employer": "Guided start: employer goal {title}",
    "label.guide.action": "Guided start: action {title}",
    "label.guide.review": "Guided start: review {title}",
}

NL: dict[str, str] = {
    "key.space": "spatie",
    "term.key.palette": "Zoeken",
    "term.quit_hint": "Druk op {key} om pop te stoppen.",
    "palette.placeholder": "Typ een deel van een titel, of wat je wilt doen…",
    "palette.no_matches": "Niets gevonden",
    "palette.kind.goal": "Doel",
    "palette.kind.action": "Actie",
    "palette.kind.step": "Stap",
    "palette.kind.review": "Evaluatie",
    "palette.hit": "{kind}: {title}",
    "palette.go": "Naar {section}",
    "palette.go.help": "Dit deel van het plan tonen",
    "palette.here.help": "Op dit scherm: {key}",
    "palette.new_goal": "Nieuw doel",
    "palette.new_goal.help": "Een doel toevoegen, met de SMART-check ernaast",
    "palette.checkin": "Inchecken",
    "palette.checkin.help": "De stappen van vandaag afvinken, een notitie en een stemming",
    "palette.review": "Evaluatie houden",
    "palette.review.help": "Elk actief doel langs: voortgang, notities, bijstellingen",
    "palette.export": "Plan exporteren",
    "palette.export.help": "Markdown, HTML, agenda of JSON",
    "palette.language": "Taal wisselen naar Engels",
    "palette.language.help": "Elk scherm, elke toets en elke datum in het Engels",
    "palette.theme": "Kleuren wijzigen",
    "palette.theme.help": "Kies een kleurenthema; pop onthoudt het",
    "palette.theme.placeholder": "Typ een deel van de naam van een thema…",
    "palette.theme.current": "het thema nu",
    "palette.guide": "Begeleide start",
    "palette.guide.help": "De vier delen van het plan doorlopen",
    "palette.help": "Toetsen en hulp",
    "palette.help.help": "De toetsen van dit scherm en de methode in het kort",
    "palette.quit": "pop stoppen",
    "palette.quit.help": "Alles is al bewaard",
    "palette.step.help": "{goal} · {when}",
    "palette.step.no_date": "geen datum",
    "palette.review.plan": "hele plan",
    "palette.not_shown": "Die evaluatie staat nog op geen enkel scherm.",
    "lang.switched": "Taal: Nederlands",
    "theme.switched": "Kleuren: {name}",
    "theme.not_saved": "De kleuren zijn gewijzigd, maar konden niet onthouden worden: {error}",
    "keymap.unused": "{path} is niet gebruikt: {problem}",
    "keymap.unreadable": "het kon niet gelezen worden ({error})",
    "keymap.bad_toml": "het is geen geldige TOML ({error})",
    "keymap.unknown_id": "er is geen toets met de id “{id}” (de README noemt ze allemaal)",
    "keymap.bad_value": '“{id}” moet een toets zijn of een lijst toetsen, zoals "ctrl+n" of ["n", "a"]',
    "keymap.bad_key": "“{key}” (voor “{id}”) is geen toetsnaam die pop kent",
    "keymap.help": "Toetsen zijn aan te passen in {path}.",
    "help.form": "Tab en shift+Tab gaan naar het volgende of vorige veld; Enter in een tekstveld bewaart het formulier.",
    "small.title": "Dit venster is te klein voor pop",
    "small.body": "pop heeft minstens {need} tekens nodig; dit venster heeft er {have}. Maak het groter, dan gaat pop verder waar je was.",
    "small.quit": "Druk op {key} om te stoppen.",
    "guide.welcome.title": "Welkom bij pop",
    "guide.welcome": (
        "Je plan is nog leeg. In vijf korte stappen maak je een begin met elk deel ervan: "
        "waar je goed in bent en wat je in de weg zit, één doel dat SMART is, wat je "
        "werkgever wil, een eerste stap met een datum, en een moment om terug te kijken. "
        "Enter gaat door naar de volgende stap; Escape slaat een stap over."
    ),
    "guide.start": "Beginnen (Enter)",
    "guide.key.skip": "Nu niet",
    "guide.skip_all": "Nu niet (Esc)",
    "guide.swot.title": "1 van 5 · Analyse",
    "guide.swot.intro": (
        "Noem voor elk deel van je SWOT één ding: een sterk punt, een zwak punt, een kans "
        "en een bedreiging. Laat weg wat je nog niet weet. Escape slaat deze stap over."
    ),
    "guide.swot.intro_owner": (
        "Eerst je naam, zoals die op het afgedrukte plan komt (mag leeg). Dan voor elk deel "
        "van je SWOT één ding: een sterk punt, een zwak punt, een kans en een bedreiging. "
        "Laat weg wat je nog niet weet. Escape slaat deze stap over."
    ),
    "guide.field.owner": "Je naam",
    "guide.button.next": "Verder (Enter)",
    "guide.button.skip": "Overslaan (Esc)",
    "guide.key.next": "Verder",
    "guide.key.skip_step": "Overslaan",
    "guide.next.title": "Volgende",
    "guide.next.empty": "Leeg plan. Enter: begeleide start, {step}",
    "guide.next.step": "Enter: begeleide start, {step}",
    "guide.goal.linked": "Het is al gekoppeld aan de zwakke punten en bedreigingen die je noemde.",
    "guide.goal.title": "2 van 5 · Een doel",
    "guide.goal.intro": (
        "Eén doel voor ongeveer een jaar. De SMART-check laat zien welke letter nog aandacht "
        "vraagt. Escape slaat deze stap over."
    ),
    "guide.employer.title": "3 van 5 · Werkgever",
    "guide.employer.intro": (
        "Wat wil je organisatie bereiken, en wat draag jij daaraan bij? Escape slaat deze "
        "stap over."
    ),
    "guide.action.title": "4 van 5 · Actieplan",
    "guide.action.intro": (
        "Hoe ga je “{goal}” bereiken? Noem een actie, het resultaat dat je verwacht en de "
        "eerste stap met een datum. Escape slaat deze stap over."
    ),
    "guide.review.title": "5 van 5 · Terugkijken",
    "guide.review.intro": (
        "Wanneer kijk je terug op je plan? Kies de eerste datum en hoe vaak het terugkomt. "
        "Escape slaat deze stap over."
    ),
    "guide.field.first_step": "Eerste stap",
    "guide.field.review_title": "Evaluatie",
    "guide.field.review_on": "Eerst op",
    "guide.field.repeat": "Komt terug",
    "guide.review.default_title": "Terugkijken op mijn plan",
    "guide.repeat.none": "eenmalig",
    "guide.repeat.monthly": "elke maand",
    "guide.repeat.quarterly": "elk kwartaal",
    "guide.done": "Je plan heeft een begin. Het overzicht laat zien wat er nu komt; druk op ? voor de toetsen.",
    "guide.skipped": "De begeleide start wacht bovenaan het overzicht: Enter begint hem.",
    "label.guide.swot": "Begeleide start: SWOT",
    "label.guide.employer": "Begeleide start: werkgeversdoel {title}",
    "label.guide.action": "Begeleide start: actie {title}",
    "label.guide.review": "Begeleide start: evaluatie {title}",
}
