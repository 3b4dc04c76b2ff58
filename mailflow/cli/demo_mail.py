"""The demo's sample of incoming mail: realistic, in Finnish, English and Swedish, with
reserved names.

Each function returns the raw bytes of one message as a mail client would send it.
"""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from urllib.parse import parse_qs, unquote, urlsplit

__all__ = ["SampleMail", "facilitator_meeting", "first_wave", "mail_of_link", "rsvp_wave",
           "second_wave", "swedish_wave"]

NETWORK = "verkosto@example.org"
FACILITATOR = "vetaja@example.org"
#: What the network's own mail server adds to a mail it verified: the facilitator's mail
#: is then a command at once (``mailbox.trusted_authserv_id`` names this server).
VOUCHED = {"Authentication-Results": "mx.example.org; dkim=pass header.d=example.org; "
                                     "dmarc=pass header.from=example.org"}


class SampleMail:
    """Builds one message; ``raw()`` gives the bytes."""

    def __init__(self, sender: str, name: str, subject: str, text: str, when: datetime,
                 *, html: str = "", headers: dict[str, str] | None = None,
                 references: str = "", calendar: str = "", method: str = "REPLY",
                 to: str = "") -> None:
        self.message = EmailMessage()
        self.message["From"] = f"{name} <{sender}>" if name else sender
        self.message["To"] = to or f"Kehittämisverkosto <{NETWORK}>"
        self.message["Subject"] = subject
        self.message["Date"] = format_datetime(when)
        self.message["Message-ID"] = make_msgid(domain=sender.split("@")[1])
        if references:
            self.message["In-Reply-To"] = references
            self.message["References"] = references
        for key, value in (headers or {}).items():
            self.message[key] = value
        self.message.set_content(text)
        if html:
            self.message.add_alternative(html, subtype="html")
        if calendar:
            self.message.add_alternative(calendar, subtype="calendar",
                                         params={"method": method})

    def raw(self) -> bytes:
        return bytes(self.message)


def first_wave(when: datetime) -> list[SampleMail]:
    """Sign-ups (Omnia goes over its cap of four), the interest list, a question."""
    return [
        SampleMail(
            "maija.mallikas@omnia.test", "Mallikas Maija", "Ilmoittautuminen verkostoon",
            "Hei,\n\nilmoittaudun mukaan kehittämisverkostoon.\n\n"
            "Nimi: Maija Mallikas\nOrganisaatio: Omnia\nRooli: koulutuspäällikkö\n"
            "Erityisruokavalio: gluteeniton\n\nYstävällisin terveisin\nMaija\n\n"
            "Lähetetty iPhonesta\n", when),
        SampleMail(
            "assistentti@omnia.test", "Omnian assistentti", "Omnian osallistujat",
            "Hei!\n\nIlmoitan Omniasta verkostoon seuraavat henkilöt:\n\n"
            "Pekka Puupää, oppisopimustoiminnan esimies, pekka.puupaa@omnia.test\n"
            "Liisa Laine, opettaja, liisa.laine@omnia.test\n"
            "Olli Ojala, koulutustarkastaja, olli.ojala@omnia.test\n"
            "Sanna Salo, koordinaattori, sanna.salo@omnia.test\n\n"
            "Terveisin\nAnna Assistentti\nOmnia\n", when),
        SampleMail(
            "teemu.tuominen@stadi.test", "Teemu Tuominen", "Registration",
            "Hello,\n\nI would like to sign up for the network.\n\n"
            "Name: Teemu Tuominen\nOrganisation: Stadin ammatti- ja aikuisopisto\n"
            "Role: team leader\n\nBest regards,\nTeemu\n", when),
        SampleMail(
            "kaisa.koskinen@keuda.test", "Kaisa Koskinen", "Ilmoittautuminen",
            "", when,
            html="<html><body><div class=WordSection1><p>Hei,</p>"
                 "<p>olen Keudan rehtori Kaisa Koskinen ja ilmoittaudun verkostoon."
                 "</p><p>Ystävällisin terveisin<br>Kaisa Koskinen<br>rehtori<br>Keuda</p>"
                 "</div></body></html>"),
        SampleMail("ville.virtanen@example.org", "Ville Virtanen", "LÄHETÄ",
                   "LÄHETÄ\n\nHaluan kuulla lisää verkostosta.\n", when),
        SampleMail("tiina.tammi@example.org", "Tiina Tammi", "EI KIITOS",
                   "EI KIITOS\n", when),
        SampleMail(
            "rehtori@stadi.test", "Riitta Rehtori", "Kysymys verkostosta",
            "Hei,\n\nvoisitteko kertoa, mitä jatkotyöskentelyyn sitoutuminen käytännössä "
            "tarkoittaa ja paljonko se maksaa?\n\nTerveisin\nRiitta\n", when),
    ]


def second_wave(when: datetime, bounced_to: str, bounced_id: str) -> list[SampleMail]:
    """Robots: an out-of-office reply and a bounce of mailflow's own confirmation."""
    dsn = (
        "This is the mail system at host mx.keuda.test.\n\n"
        "I'm sorry to have to inform you that your message could not\n"
        "be delivered to one or more recipients.\n\n"
        f"<{bounced_to}>: host mx.keuda.test said: 550 5.1.1 User unknown\n"
    )
    bounce = SampleMail("MAILER-DAEMON@mx.keuda.test", "Mail Delivery System",
                        "Undelivered Mail Returned to Sender", dsn, when,
                        headers={"X-Failed-Recipients": bounced_to,
                                 "Auto-Submitted": "auto-replied"},
                        references=bounced_id)
    return [
        SampleMail("liisa.laine@omnia.test", "Laine Liisa",
                   "Automaattinen vastaus: Kiitos ilmoittautumisestasi",
                   "Olen lomalla 7.12. asti. Kiireellisissä asioissa ota yhteyttä "
                   "toimistoon.\n", when,
                   headers={"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All"}),
        bounce,
    ]


def rsvp_wave(when: datetime, day_id: str, invitations: dict[str, str], uid: str
              ) -> list[SampleMail]:
    """Answers to the invitation: a reply in words and an Outlook calendar accept."""
    ical = (
        "BEGIN:VCALENDAR\r\nPRODID:Microsoft Exchange Server 2010\r\nVERSION:2.0\r\n"
        "METHOD:REPLY\r\nBEGIN:VEVENT\r\n"
        "ATTENDEE;PARTSTAT=ACCEPTED;CN=Teemu Tuominen:mailto:teemu.tuominen@stadi.test\r\n"
        f"UID:{uid}\r\nSEQUENCE:0\r\nDTSTAMP:20261202T080000Z\r\n"
        "SUMMARY:Hyväksytty: Verkostopäivä\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    return [
        SampleMail(
            "pekka.puupaa@omnia.test", "Puupää Pekka", "VS: Muistutus: verkostopäivä",
            "Kyllä, osallistun.\n\nPekka\n\n"
            "Lähettäjä: Kehittämisverkosto <verkosto@example.org>\n"
            "Lähetetty: keskiviikko 2. joulukuuta 2026 9.00\n"
            "Aihe: Muistutus: verkostopäivä\n\nTervetuloa verkostopäivään! EI KIITOS\n",
            when, references=invitations.get("pekka.puupaa@omnia.test", "")),
        SampleMail("teemu.tuominen@stadi.test", "Teemu Tuominen",
                   "Accepted: Verkostopäivä", "Teemu Tuominen has accepted.", when,
                   calendar=ical),
        SampleMail(
            "olli.ojala@omnia.test", "Olli Ojala", "Re: Verkostopäivä",
            f"En valitettavasti pääse verkostopäivään {day_id[8:10].lstrip('0')}."
            f"{day_id[5:7].lstrip('0')}.\n\nOlli\n", when,
            references=invitations.get("olli.ojala@omnia.test", "")),
    ]



def swedish_wave(when: datetime) -> list[SampleMail]:
    """A sign-up in Swedish from a Swedish-speaking school, as Outlook on a phone sends it."""
    return [
        SampleMail(
            "camilla.sundstrom@prakticum.test", "Sundström Camilla",
            "Anmälan till utvecklingsnätverket",
            "Hej!\n\nVi på Prakticum vill gärna vara med i nätverket, och jag anmäler mig "
            "härmed.\n\nNamn: Camilla Sundström\nOrganisation: Prakticum\n"
            "Titel: utbildningskoordinator\nSpecialdiet: laktosfri\n\n"
            "Med vänliga hälsningar\nCamilla Sundström\nYrkesinstitutet Prakticum\n\n"
            "Skickat från min iPhone\n", when),
    ]


def facilitator_meeting(when: datetime) -> SampleMail:
    """The facilitator invites the network's address to a meeting from her calendar, as
    Outlook sends it: the invitation's text and its iTIP REQUEST."""
    ical = (
        "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nPRODID:Microsoft Exchange Server 2010\r\n"
        "VERSION:2.0\r\nBEGIN:VEVENT\r\n"
        "ORGANIZER;CN=Verkoston vetäjä:mailto:vetaja@example.org\r\n"
        "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;"
        "CN=Kehittämisverkosto:mailto:verkosto@example.org\r\n"
        "DESCRIPTION:Kolmas verkostopäivä: palautteen hyödyntäminen.\\n\\n"
        "Maksaja: Kunteko\\n\r\n"
        "UID:040000008200E00074C5B7101A82E0080000000020A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5\r\n"
        "SUMMARY;LANGUAGE=fi-FI:Verkostopäivä 3: palautteen hyödyntäminen\r\n"
        "DTSTART;TZID=Europe/Helsinki:20270317T093000\r\n"
        "DTEND;TZID=Europe/Helsinki:20270317T153000\r\n"
        "LOCATION;LANGUAGE=fi-FI:Keuda\\, Sarvimäentie 8\\, Kerava\r\n"
        "SEQUENCE:0\r\nDTSTAMP:20261103T070000Z\r\nSTATUS:CONFIRMED\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    return SampleMail(
        FACILITATOR, "Verkoston vetäjä", "Verkostopäivä 3: palautteen hyödyntäminen",
        "Kolmas verkostopäivä: palautteen hyödyntäminen.\n\nMaksaja: Kunteko\n", when,
        headers=VOUCHED, calendar=ical, method="REQUEST")


def mail_of_link(url: str, when: datetime) -> SampleMail:
    """The mail the facilitator's client writes when she clicks a ``mailto:`` link of her
    digest (RFC 6068: the address, then subject and body as query fields)."""
    parts = urlsplit(url)
    fields = {name: values[0] for name, values in parse_qs(parts.query).items()}
    return SampleMail(FACILITATOR, "Verkoston vetäjä", fields.get("subject", ""),
                      fields.get("body", "") or "\n", when, headers=VOUCHED,
                      to=unquote(parts.path))
