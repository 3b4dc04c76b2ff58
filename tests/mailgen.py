"""Realistic generated mail for tests and benchmarks (reserved names only)."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime

ORGS = [("Omnia", "omnia.test"), ("Stadin ammatti- ja aikuisopisto", "stadi.test"),
        ("Keuda", "keuda.test"), ("Varia", "varia.test"), ("Taitotalo", "taitotalo.test")]
FIRST = ["Maija", "Pekka", "Liisa", "Olli", "Sanna", "Teemu", "Kaisa", "Ville", "Tiina", "Jari"]
LAST = ["Mallikas", "Puupää", "Laine", "Ojala", "Salo", "Tuominen", "Koskinen", "Virtanen"]
TITLES = ["koulutuspäällikkö", "oppisopimustoiminnan esimies", "opettaja", "koordinaattori",
          "rehtori", "tiiminvetäjä", "koulutustarkastaja", "asiantuntija"]


_INVITATION = (
    "Tervetuloa mukaan ammatillisen koulutuksen kehittämisverkostoon. Verkosto kokoontuu "
    "neljästi vuodessa, ja jokainen organisaatio voi lähettää enintään neljä henkilöä.\n"
    "Ilmoittautuminen: vastaa tähän viestiin ja kerro nimesi, organisaatiosi ja roolisi.\n\n"
)


def signup(n: int, *, org: int | None = None, when: datetime | None = None,
           padding: int = 0) -> bytes:
    """The n-th sign-up: a distinct person, with Nimi:/Organisaatio:/Rooli: lines."""
    rng = random.Random(n)
    name = f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST)) % len(LAST)]}"
    org_name, domain = ORGS[(n if org is None else org) % len(ORGS)]
    address = f"henkilo{n}@{domain}"
    msg = EmailMessage()
    msg["From"] = f"{name} <{address}>"
    msg["To"] = "Kehittämisverkosto <verkosto@example.org>"
    msg["Subject"] = "Ilmoittautuminen verkostoon"
    msg["Date"] = format_datetime(when or datetime(2026, 11, 2, 8, tzinfo=UTC))
    msg["Message-ID"] = f"<signup-{n}@{domain}>"
    body = (f"Hei,\n\nilmoittaudun mukaan verkostoon.\n\nNimi: {name}\n"
            f"Organisaatio: {org_name}\nRooli: {rng.choice(TITLES)}\n\n"
            f"Ystävällisin terveisin\n{name}\n")
    if padding:  # the quoted history of an Outlook reply, about ``padding`` bytes of it
        body += (
            "\nLähettäjä: Kehittämisverkosto <verkosto@example.org>\n"
            "Lähetetty: maanantai 2. marraskuuta 2026 8.00\n"
            f"Vastaanottaja: {address}\nAihe: Kutsu kehittämisverkostoon\n\n"
            + _INVITATION * max(1, padding // len(_INVITATION.encode()))
        )
    msg.set_content(body)
    return bytes(msg)


def deliver(maildir_path: str, messages: list[bytes]) -> None:
    """Write messages into a Maildir's new/ as a local delivery agent would."""
    import mailbox

    box = mailbox.Maildir(maildir_path, create=True)
    for raw in messages:
        box.add(raw)
