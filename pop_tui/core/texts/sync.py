"""Texts of ``pop sync`` and of git's merge driver for the plan."""

EN: dict[str, str] = {
    "sync.help.sync": "share the plan with your other devices through git",
    "sync.help.sync_about": (
        "Commit what changed in the plan, fetch, merge what other devices sent\n"
        "(record by record: no edit is lost), and push. Set it up once on each\n"
        "device with: pop sync init URL"
    ),
    "sync.help.epilog": (
        "examples:\n"
        "  pop sync init ssh://server/~/pop.git   the same command on every device\n"
        "  pop sync                               commit, fetch, merge, push\n"
        "  pop sync --status                      ahead/behind, last sync, conflicts\n"
        "A plain `git pull` in the plan's folder merges the plan as pop sync does.\n"
        "pop sync never asks for a password: use an ssh key (with an agent) or a\n"
        "credential helper. POP_SYNC_TIMEOUT: seconds git may talk to the remote (60)."
    ),
    "sync.help.status": (
        "say how this device stands: commits not sent, commits fetched but not merged,"
        " the last sync, unresolved conflicts (does not go online)"
    ),
    "sync.help.json": "print the result as JSON (see docs/cli.md)",
    "sync.help.init": "set up syncing: the same command on every device",
    "sync.help.init_about": (
        "On the first device: make the plan's folder a git repository (or use the one\n"
        "it is in), commit the plan and push it to URL. On a device without a plan:\n"
        "fetch the plan from URL. On a device with a plan of its own: merge the two."
    ),
    "sync.help.url": "the git remote: a path to a bare repository, ssh://..., a forge's URL",
    "sync.help.device": "this device's name, shown with its changes (default: the host's name)",
    "sync.device_empty": "a device needs a name (--device NAME)",
    "sync.no_git": "git is not installed; pop sync needs it (https://git-scm.com)",
    "sync.timeout": "git got no answer from the remote within {seconds} s and was stopped",
    "sync.not_set_up": "this plan is not synced yet. Set it up with:  {command}",
    "sync.merge_under_way": (
        "a git merge is under way in {top}: finish it (git commit) or undo it"
        " (git merge --abort), then sync again"
    ),
    "sync.other_origin": (
        "the repository {top} already has the remote origin {known}, not {url}."
        " Sync with that one (pop sync init {known}), or change it with git remote set-url"
    ),
    "sync.unreachable": (
        "could not reach {url}: {said}. Nothing was sent; your plan is as it was"
        " (its changes are committed here and go with the next pop sync)"
    ),
    "sync.push_failed": (
        "{url} refused the changes: {said}. Your plan here has them (merged and committed);"
        " they are sent with the next pop sync"
    ),
    "sync.push_raced": (
        "{url} kept getting newer changes from another device; sync again in a moment"
    ),
    "sync.merge_refused": "the merge was refused, nothing was changed:\n{said}",
    "sync.merge_blocked": (
        "git would not merge, nothing was changed: {said}. Commit or move your own"
        " changes in {top} first (pop only ever commits the plan and its own files)"
    ),
    "sync.merge_failed": "git could not merge, nothing was changed: {said}",
    "sync.unrelated": (
        "the plan at {url} has no history in common with this one;"
        " merge them once with: pop sync init {url}"
    ),
    "sync.nothing_anywhere": (
        "there is no plan at {plan} and none at {url} yet: make your plan first"
        " (pop, or pop add goal ...), then run pop sync init again"
    ),
    "sync.no_plan_there": "{url} holds no plan at {rel}",
    "sync.plan_elsewhere": (
        "{url} holds no plan at {rel}, but has {found}: point pop at it with --db"
        " (the plan's path inside the repository must be the same on every device)"
    ),
    "sync.checkout_blocked": (
        "the plan could not be fetched into {top}: {said}. Move those files away and try again"
    ),
    "sync.commit.plain": "Plan changed on {device}",
    "sync.commit.first": "The plan of {device}",
    "sync.sent": "Sent: {changes}",
    "sync.came_in": "Came in from elsewhere:",
    "sync.came_in_plain": "the plan as saved on {device} at {saved}",
    "sync.came_in_saved": "the plan as saved at {saved}",
    "sync.new_conflicts": (
        "New conflicts ({count}): the plan shows one value meanwhile; choose with pop conflicts"
    ),
    "sync.new_numbers": "New numbers (two devices had made the same one):",
    "sync.renumbered": "{old}{title} from {device} is now {new}",
    "sync.conflict.field": "{record}: {field} changed on both ({devices})",
    "sync.conflict.deleted": "{record}: deleted on one device, changed on another ({devices})",
    "sync.up_to_date": "Already in step with {url}.",
    "sync.done": "Synced with {url} ({branch}).",
    "sync.init.shared": (
        "The plan is in git in {top} and shared at {url} ({branch}). On your other devices"
        " run the same pop sync init command."
    ),
    "sync.init.fetched": "Fetched the plan from {url} ({branch}) into {plan}.",
    "sync.init.joined": "This device now syncs with {url} ({branch}).",
    "sync.init.merged": (
        "This device had a plan of its own: it was merged with the plan at {url} ({branch}),"
        " record by record; nothing was lost."
    ),
    "sync.init.next": "From now on:  {command}",
    "sync.attributes_header": "# pop merges its plan record by record (pop sync, git pull)",
    "sync.ignore_header": "# pop: what belongs to this device only",
    "sync.status.remote": "Synced with {url} ({branch}).",
    "sync.status.last": "Last sync on this device: {at}",
    "sync.status.never": "Not synced from this device yet.",
    "sync.status.counts": (
        "{ahead} commit(s) here not sent yet; {behind} fetched but not merged yet"
    ),
    "sync.status.changed": "The plan changed since the last sync.",
    "sync.status.conflicts": "{count} unresolved conflict(s): see pop conflicts",
    "sync.status.no_conflicts": "No unresolved conflicts.",
    "sync.side.base": "{name} (the common ancestor)",
    "sync.side.ours": "{name} (this device)",
    "sync.side.theirs": "{name} (the other device)",
    "sync.driver.unreadable": "{side} cannot be read: {problem}",
    "sync.driver.side_bad": "{side}: {problem}",
    "sync.driver.refused": "{name} was not merged: {reason}",
    "sync.driver.fault": "pop failed while merging ({error}); please report it",
    "sync.driver.came_in": "pop: {name}: came in: {line}",
    "sync.driver.note": "pop: {name}: {line}",
    "sync.table.profile": "profile",
    "sync.table.swot": "SWOT item",
    "sync.table.trends": "trend",
    "sync.table.goals": "goal",
    "sync.table.employer_goals": "employer goal",
    "sync.table.actions": "action",
    "sync.table.steps": "step",
    "sync.table.reviews": "review",
    "sync.table.checkins": "check-in",
    "sync.table.reflections": "reflection",
    "sync.table.feedback": "feedback request",
    "sync.table.progress": "progress entry",
    "sync.table.goal_changes": "goal change",
    "sync.table.periods": "period",
    "sync.table.conflicts": "conflict",
}

NL: dict[str, str] = {
    "sync.help.sync": "deel het plan via git met je andere apparaten",
    "sync.help.sync_about": (
        "Leg vast wat er in het plan veranderde, haal op, voeg samen wat andere\n"
        "apparaten stuurden (record voor record: geen wijziging gaat verloren) en\n"
        "verstuur. Stel het eenmaal in op elk apparaat met: pop sync init URL"
    ),
    "sync.help.epilog": (
        "voorbeelden:\n"
        "  pop sync init ssh://server/~/pop.git   hetzelfde commando op elk apparaat\n"
        "  pop sync                               vastleggen, ophalen, samenvoegen, versturen\n"
        "  pop sync --status                      voor/achter, laatste sync, conflicten\n"
        "Een gewone `git pull` in de map van het plan voegt het plan samen zoals pop sync.\n"
        "pop sync vraagt nooit om een wachtwoord: gebruik een ssh-sleutel (met een agent)\n"
        "of een credential helper. POP_SYNC_TIMEOUT: seconden dat git met de remote\n"
        "mag praten (60)."
    ),
    "sync.help.status": (
        "toon hoe dit apparaat ervoor staat: commits nog niet verstuurd, opgehaald maar"
        " nog niet samengevoegd, de laatste sync, open conflicten (gaat niet online)"
    ),
    "sync.help.json": "geef het resultaat als JSON (zie docs/cli.md)",
    "sync.help.init": "stel synchroniseren in: hetzelfde commando op elk apparaat",
    "sync.help.init_about": (
        "Op het eerste apparaat: maak van de map van het plan een git-repository (of\n"
        "gebruik die waar het in staat), leg het plan vast en verstuur het naar URL.\n"
        "Op een apparaat zonder plan: haal het plan op. Met een eigen plan: voeg ze samen."
    ),
    "sync.help.url": "de git-remote: een pad naar een kale repository, ssh://..., een URL",
    "sync.help.device": (
        "de naam van dit apparaat, getoond bij zijn wijzigingen (standaard: de hostnaam)"
    ),
    "sync.device_empty": "een apparaat heeft een naam nodig (--device NAAM)",
    "sync.no_git": "git is niet geïnstalleerd; pop sync heeft het nodig (https://git-scm.com)",
    "sync.timeout": "git kreeg binnen {seconds} s geen antwoord van de remote en is gestopt",
    "sync.not_set_up": "dit plan wordt nog niet gesynchroniseerd. Stel het in met:  {command}",
    "sync.merge_under_way": (
        "in {top} is een git-merge bezig: maak hem af (git commit) of draai hem terug"
        " (git merge --abort) en synchroniseer dan opnieuw"
    ),
    "sync.other_origin": (
        "de repository {top} heeft al de remote origin {known}, niet {url}."
        " Synchroniseer daarmee (pop sync init {known}) of wijzig hem met git remote set-url"
    ),
    "sync.unreachable": (
        "{url} is niet bereikbaar: {said}. Er is niets verstuurd; je plan is zoals het was"
        " (de wijzigingen zijn hier vastgelegd en gaan mee met de volgende pop sync)"
    ),
    "sync.push_failed": (
        "{url} weigerde de wijzigingen: {said}. Je plan hier heeft ze (samengevoegd en"
        " vastgelegd); ze gaan mee met de volgende pop sync"
    ),
    "sync.push_raced": (
        "{url} kreeg steeds nieuwere wijzigingen van een ander apparaat; synchroniseer zo opnieuw"
    ),
    "sync.merge_refused": "samenvoegen geweigerd, er is niets veranderd:\n{said}",
    "sync.merge_blocked": (
        "git wilde niet samenvoegen, er is niets veranderd: {said}. Leg je eigen"
        " wijzigingen in {top} eerst vast of zet ze opzij (pop legt alleen het plan en"
        " zijn eigen bestanden vast)"
    ),
    "sync.merge_failed": "git kon niet samenvoegen, er is niets veranderd: {said}",
    "sync.unrelated": (
        "het plan op {url} heeft geen gedeelde geschiedenis met dit plan;"
        " voeg ze eenmaal samen met: pop sync init {url}"
    ),
    "sync.nothing_anywhere": (
        "er is geen plan in {plan} en nog geen op {url}: maak eerst je plan"
        " (pop, of pop add goal ...) en draai dan pop sync init opnieuw"
    ),
    "sync.no_plan_there": "{url} heeft geen plan op {rel}",
    "sync.plan_elsewhere": (
        "{url} heeft geen plan op {rel}, maar wel {found}: wijs pop erheen met --db"
        " (het pad van het plan in de repository moet op elk apparaat hetzelfde zijn)"
    ),
    "sync.checkout_blocked": (
        "het plan kon niet in {top} worden opgehaald: {said}. Zet die bestanden opzij"
        " en probeer het opnieuw"
    ),
    "sync.commit.plain": "Plan gewijzigd op {device}",
    "sync.commit.first": "Het plan van {device}",
    "sync.sent": "Verstuurd: {changes}",
    "sync.came_in": "Binnengekomen van elders:",
    "sync.came_in_plain": "het plan zoals opgeslagen op {device} om {saved}",
    "sync.came_in_saved": "het plan zoals opgeslagen om {saved}",
    "sync.new_conflicts": (
        "Nieuwe conflicten ({count}): het plan toont intussen één waarde; kies met pop conflicts"
    ),
    "sync.new_numbers": "Nieuwe nummers (twee apparaten maakten hetzelfde):",
    "sync.renumbered": "{old}{title} van {device} is nu {new}",
    "sync.conflict.field": "{record}: {field} op beide gewijzigd ({devices})",
    "sync.conflict.deleted": (
        "{record}: op het ene apparaat verwijderd, op het andere gewijzigd ({devices})"
    ),
    "sync.up_to_date": "Al gelijk met {url}.",
    "sync.done": "Gesynchroniseerd met {url} ({branch}).",
    "sync.init.shared": (
        "Het plan staat in git in {top} en wordt gedeeld op {url} ({branch}). Draai op je"
        " andere apparaten hetzelfde pop sync init-commando."
    ),
    "sync.init.fetched": "Het plan is opgehaald van {url} ({branch}) naar {plan}.",
    "sync.init.joined": "Dit apparaat synchroniseert nu met {url} ({branch}).",
    "sync.init.merged": (
        "Dit apparaat had een eigen plan: het is record voor record samengevoegd met het"
        " plan op {url} ({branch}); er ging niets verloren."
    ),
    "sync.init.next": "Vanaf nu:  {command}",
    "sync.attributes_header": "# pop voegt zijn plan record voor record samen (pop sync, git pull)",
    "sync.ignore_header": "# pop: wat alleen bij dit apparaat hoort",
    "sync.status.remote": "Gesynchroniseerd met {url} ({branch}).",
    "sync.status.last": "Laatste sync op dit apparaat: {at}",
    "sync.status.never": "Nog niet gesynchroniseerd vanaf dit apparaat.",
    "sync.status.counts": (
        "{ahead} commit(s) hier nog niet verstuurd; {behind} opgehaald maar nog niet samengevoegd"
    ),
    "sync.status.changed": "Het plan is veranderd sinds de laatste sync.",
    "sync.status.conflicts": "{count} open conflict(en): zie pop conflicts",
    "sync.status.no_conflicts": "Geen open conflicten.",
    "sync.side.base": "{name} (de gemeenschappelijke voorganger)",
    "sync.side.ours": "{name} (dit apparaat)",
    "sync.side.theirs": "{name} (het andere apparaat)",
    "sync.driver.unreadable": "{side} is niet te lezen: {problem}",
    "sync.driver.side_bad": "{side}: {problem}",
    "sync.driver.refused": "{name} is niet samengevoegd: {reason}",
    "sync.driver.fault": "pop liep vast bij het samenvoegen ({error}); meld dit als fout",
    "sync.driver.came_in": "pop: {name}: binnengekomen: {line}",
    "sync.driver.note": "pop: {name}: {line}",
    "sync.table.profile": "profiel",
    "sync.table.swot": "SWOT-punt",
    "sync.table.trends": "ontwikkeling",
    "sync.table.goals": "doel",
    "sync.table.employer_goals": "werkgeversdoel",
    "sync.table.actions": "actie",
    "sync.table.steps": "stap",
    "sync.table.reviews": "evaluatie",
    "sync.table.checkins": "check-in",
    "sync.table.reflections": "reflectie",
    "sync.table.feedback": "feedbackvraag",
    "sync.table.progress": "voortgangsmeting",
    "sync.table.goal_changes": "doelwijziging",
    "sync.table.periods": "periode",
    "sync.table.conflicts": "tegenstrijdigheid",
}
