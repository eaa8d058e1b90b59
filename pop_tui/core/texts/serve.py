"""Texts of ``pop serve`` (the app in a browser)."""

EN: dict[str, str] = {
    "serve.help": "serve the app to a web browser (one app per tab, the same plan and keys)",
    "serve.help.host": "address to listen on (default: 127.0.0.1, this machine only)",
    "serve.help.port": "port to listen on (default: 8000; 0 picks a free one)",
    "serve.help.token": (
        "the secret a browser must bring (default: $POP_SERVE_TOKEN; made up and "
        "printed when listening beyond this machine)"
    ),
    "serve.missing": (
        "pop serve needs the web extra, which is not installed. Add it with:\n    {command}"
    ),
    "serve.port_bad": "the port must be a number from 0 to 65535, not {value!r}",
    "serve.token_empty": "the token must not be empty",
    "serve.serving": "pop serve: {plan} on {url}",
    "serve.open": "Open this address in your browser (it holds the secret; keep it to yourself):",
    "serve.open_local": "Open this address in your browser:",
    "serve.token_given": "Open this address in your browser, with ?token= and the token you gave after it:",
    "serve.stop": "Each tab is one more session of the app. Ctrl+C stops the server and every app.",
    "serve.stopped": "pop serve: stopped; {count} app(s) ended.",
    "serve.refused": "pop serve: this address needs its token (open the address pop serve printed).",
    "serve.host_refused": "pop serve: this server only answers to the names of this machine.",
    "serve.origin_refused": "pop serve: a page of another site may not open the app.",
    "serve.title": "pop — {plan}",
}

NL: dict[str, str] = {
    "serve.help": "bied de app aan in een webbrowser (één app per tabblad, hetzelfde plan en dezelfde toetsen)",
    "serve.help.host": "adres om op te luisteren (standaard: 127.0.0.1, alleen deze computer)",
    "serve.help.port": "poort om op te luisteren (standaard: 8000; 0 kiest een vrije)",
    "serve.help.token": (
        "het geheim dat een browser moet meebrengen (standaard: $POP_SERVE_TOKEN; "
        "verzonnen en getoond bij luisteren buiten deze computer)"
    ),
    "serve.missing": (
        "pop serve heeft de web-uitbreiding nodig, en die is niet geïnstalleerd. Voeg hem toe met:\n"
        "    {command}"
    ),
    "serve.port_bad": "de poort moet een getal van 0 tot 65535 zijn, niet {value!r}",
    "serve.token_empty": "het token mag niet leeg zijn",
    "serve.serving": "pop serve: {plan} op {url}",
    "serve.open": "Open dit adres in je browser (het bevat het geheim; houd het voor jezelf):",
    "serve.open_local": "Open dit adres in je browser:",
    "serve.token_given": "Open dit adres in je browser, met ?token= en het token dat je gaf erachter:",
    "serve.stop": "Elk tabblad is een sessie van de app erbij. Ctrl+C stopt de server en elke app.",
    "serve.stopped": "pop serve: gestopt; {count} app(s) beëindigd.",
    "serve.refused": "pop serve: dit adres vraagt om het token (open het adres dat pop serve toonde).",
    "serve.host_refused": "pop serve: deze server antwoordt alleen op de namen van deze computer.",
    "serve.origin_refused": "pop serve: een pagina van een andere site mag de app niet openen.",
    "serve.title": "pop — {plan}",
}
