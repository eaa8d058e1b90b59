"""Texts about files that cannot be written, and about the rules every record keeps."""

EN: dict[str, str] = {
    "file.the_plan": "the plan file",
    "file.full": "The disk is full: pop could not write {path}.",
    "file.denied": "pop is not allowed to write {path} (no permission).",
    "file.read_only": "{path} is read-only, so pop leaves it as it is (chmod u+w lets pop save).",
    "file.read_only_fs": "{path} is on a file system that is read-only.",
    "file.other_owner": "{path} belongs to another user, and pop could not keep it theirs "
    "when saving (run pop as that user).",
    "file.link_missing": "{path} is a link to {target}, but that folder does not exist "
    "(a drive that is not mounted, or a synced folder that is not there yet?).",
    "file.missing": "{path} does not exist.",
    "file.is_folder": "{path} is a folder, not a file.",
    "file.io": "The disk failed while pop was using {path} (input/output error).",
    "file.other": "pop could not use {path}: {reason}.",
    "file.nothing_lost": "Nothing was lost: the plan is as it was.",
    "file.copy_merged": "Merged {name}, a copy your file sync left beside the plan, and removed it.",
    "file.copy_merged_with": "Merged {name}, a copy your file sync left beside the plan, and "
    "removed it: {changes}.",
    "file.copy_kept": "Left {name} beside the plan, not merged: {reason}.",
    "file.backup_failed": "Warning: the backup of the previous version could not be written "
    "in {folder} ({reason}). The plan itself was saved; pop keeps saving and "
    "says this again only once backups work and then fail again.",
    "rule.bad_text": "The text holds bytes that are not UTF-8 (not text).",
    "rule.mood": "A mood is a whole number from 1 to 5, not {value}.",
    "rule.number": "{value} is too large for a measure (at most 10^15).",
    "rule.date": "{value} is too far away: pop takes dates from {first} to {last}.",
    "rule.too_deep": "The file is nested too deeply to be a plan.",
    "rule.refused": "{where}: {what} Nothing was saved.",
}

NL: dict[str, str] = {
    "file.the_plan": "het planbestand",
    "file.full": "De schijf is vol: pop kon {path} niet schrijven.",
    "file.denied": "pop mag {path} niet schrijven (geen toestemming).",
    "file.read_only": "{path} is alleen-lezen, dus pop laat het zoals het is "
    "(met chmod u+w kan pop opslaan).",
    "file.read_only_fs": "{path} staat op een bestandssysteem dat alleen-lezen is.",
    "file.other_owner": "{path} is van een andere gebruiker, en pop kon het bij het opslaan "
    "niet van die gebruiker laten (start pop als die gebruiker).",
    "file.link_missing": "{path} is een koppeling naar {target}, maar die map bestaat niet "
    "(een schijf die niet is aangekoppeld, of een gesynchroniseerde map die er nog niet is?).",
    "file.missing": "{path} bestaat niet.",
    "file.is_folder": "{path} is een map, geen bestand.",
    "file.io": "De schijf faalde terwijl pop {path} gebruikte (invoer-/uitvoerfout).",
    "file.other": "pop kon {path} niet gebruiken: {reason}.",
    "file.nothing_lost": "Er is niets verloren: het plan is zoals het was.",
    "file.copy_merged": "{name}, een kopie die je bestandssynchronisatie naast het plan liet, is "
    "samengevoegd en verwijderd.",
    "file.copy_merged_with": "{name}, een kopie die je bestandssynchronisatie naast het plan liet, "
    "is samengevoegd en verwijderd: {changes}.",
    "file.copy_kept": "{name} blijft naast het plan staan, niet samengevoegd: {reason}.",
    "file.backup_failed": "Let op: de reservekopie van de vorige versie kon niet worden "
    "geschreven in {folder} ({reason}). Het plan zelf is opgeslagen; pop blijft opslaan en "
    "meldt dit pas weer als reservekopieën eerst weer lukken en dan opnieuw mislukken.",
    "rule.bad_text": "De tekst bevat bytes die geen UTF-8 zijn (geen tekst).",
    "rule.mood": "Een stemming is een heel getal van 1 tot 5, niet {value}.",
    "rule.number": "{value} is te groot voor een meting (hoogstens 10^15).",
    "rule.date": "{value} ligt te ver weg: pop neemt datums van {first} tot en met {last}.",
    "rule.too_deep": "Het bestand is te diep genest om een plan te zijn.",
    "rule.refused": "{where}: {what} Er is niets opgeslagen.",
}
