"""Robot mail: loops, bounces and auto-replies, and that people's mail is not mistaken for them."""

from __future__ import annotations

from email import message_from_bytes
from email.policy import compat32

import pytest

from mailflow.core.reading.parse import LOOP_HEADER, parse_message
from mailflow.core.reading.robots import classify_robot

OWN = "verkosto@example.org"


def mail(body: str = "Hei,\n\ntulen 9.12.\n", **headers: str) -> bytes:
    """A small raw message; keyword names become headers (underscores to dashes)."""
    fields = {
        "From": "Maija Mallikas <maija.mallikas@omnia.test>",
        "To": OWN,
        "Subject": "Re: Verkostopäivä 9.12.2026",
        "Message-ID": "<m1@omnia.test>",
        "Content-Type": "text/plain; charset=utf-8",
    }
    fields.update({name.replace("_", "-"): value for name, value in headers.items()})
    head = "".join(f"{name}: {value}\n" for name, value in fields.items())
    return (head + "\n" + body).encode("utf-8")


def robot(raw: bytes) -> tuple[str | None, tuple[str, ...]]:
    parsed = parse_message(raw, own_address=OWN)
    return parsed.robot, parsed.bounced


def dsn(*blocks: str, subject: str = "Undelivered Mail Returned to Sender") -> bytes:
    per_recipient = "\n\n".join(blocks)
    return f"""Return-Path: <>
From: MAILER-DAEMON@mx.example.org (Mail Delivery System)
To: {OWN}
Subject: {subject}
Message-ID: <dsn1@mx.example.org>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

Your message could not be delivered to one or more recipients.

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.org

{per_recipient}

--B--
""".encode()


def test_a_persons_ordinary_reply_is_no_robot() -> None:
    assert robot(mail()) == (None, ())


def test_mail_from_our_own_address_is_a_loop_whatever_the_case() -> None:
    assert robot(mail(From="Verkosto <Verkosto@Example.ORG>"))[0] == "loop"


def test_mail_carrying_our_loop_header_is_a_loop_even_from_a_person() -> None:
    assert robot(mail(**{LOOP_HEADER: OWN}))[0] == "loop"


def test_loop_is_decided_before_bounce() -> None:
    raw = mail(From=OWN, X_Failed_Recipients="someone@omnia.test")
    assert robot(raw) == ("loop", ())


def test_dsn_lists_only_the_failed_recipients() -> None:
    raw = dsn(
        "Final-Recipient: rfc822; Maija.Mallikas@omnia.test\nAction: failed\nStatus: 5.1.1",
        "Final-Recipient: rfc822; pekka@stadi.test\nAction: delivered\nStatus: 2.0.0",
        "Final-Recipient: rfc822; liisa@keuda.test\nAction: failed\nStatus: 5.2.2",
    )
    assert robot(raw) == ("bounce", ("maija.mallikas@omnia.test", "liisa@keuda.test"))


def test_dsn_without_action_counts_permanent_status_as_failure() -> None:
    raw = dsn("Original-Recipient: rfc822;anna@keuda.test\nStatus: 5.1.1")
    assert robot(raw) == ("bounce", ("anna@keuda.test",))


def test_delay_report_is_a_bounce_with_nobody_failed() -> None:
    raw = dsn(
        "Final-Recipient: rfc822; tuomas@keuda.test\nAction: delayed\nStatus: 4.4.1",
        subject="Delayed Mail (still being retried)",
    )
    assert robot(raw) == ("bounce", ())


def test_x_failed_recipients_names_every_address() -> None:
    raw = mail(
        From="Mail Delivery System <Mailer-Daemon@mx.stadi.test>",
        Subject="Mail delivery failed: returning message to sender",
        X_Failed_Recipients="a@stadi.test, b@stadi.test",
    )
    assert robot(raw) == ("bounce", ("a@stadi.test", "b@stadi.test"))


def test_text_bounce_does_not_list_our_own_address_or_the_daemon() -> None:
    body = (
        "Hi. This is the qmail-send program at mail.keuda.test.\n"
        "I'm afraid I wasn't able to deliver your message to the following addresses.\n\n"
        "<jukka@keuda.test>:\nSorry, no mailbox here by that name. (#5.1.1)\n\n"
        f"Please reply to postmaster@keuda.test. Sender was {OWN}.\n\n"
        "--- Below this line is a copy of the message.\n\n"
        f"From: {OWN}\nTo: jukka@keuda.test\nCc: vetaja@example.org\n"
    )
    raw = mail(body, From="MAILER-DAEMON@mail.keuda.test", Subject="failure notice")
    assert robot(raw) == ("bounce", ("jukka@keuda.test",))


def test_exchange_ndr_in_finnish_is_a_bounce() -> None:
    raw = mail(
        "Viestiäsi ei voitu toimittaa seuraaville vastaanottajille:\n\nanna@keuda.test\n",
        From="Microsoft Outlook <postmaster@keuda.test>",
        Subject="Toimittamaton: Verkostopäivä",
    )
    assert robot(raw) == ("bounce", ("anna@keuda.test",))


def test_a_person_forwarding_a_bounce_is_not_a_bounce() -> None:
    raw = mail(
        "Mitä tämä tarkoittaa? Your message to anna@keuda.test couldn't be delivered.\n",
        Subject="VL: Undeliverable: Verkostopäivä",
    )
    assert robot(raw) == (None, ())


@pytest.mark.parametrize(
    "headers",
    [
        {"Auto_Submitted": "auto-replied"},
        {"Auto_Submitted": "auto-generated"},
        {"X_Autoreply": "yes"},
        {"X_Autorespond": "Lomalla"},
        {"Precedence": "bulk"},
        {"Precedence": "junk"},
        {"List_Id": "<uutiset.lists.stadi.test>"},
        {"Subject": "Automaattinen vastaus: Verkostopäivä 9.12.2026"},
        {"Subject": "Poissa toimistosta: Kutsu"},
        {"Subject": "Automatic reply: Network day"},
        {"Subject": "Autosvar: Nätverksdag"},
        {"Subject": "Lomalla", "X_Auto_Response_Suppress": "All"},
        {"Return_Path": "<>"},
    ],
)
def test_auto_replies(headers: dict[str, str]) -> None:
    assert robot(mail(**headers)) == ("autoreply", ())


def test_list_mail_is_not_a_bounce() -> None:
    raw = mail(
        "Undeliverable? No: this is the newsletter.\n",
        Precedence="list",
        List_Id="<uutiset.lists.stadi.test>",
    )
    assert robot(raw) == ("autoreply", ())


@pytest.mark.parametrize(
    "headers",
    [
        {"Auto_Submitted": "no"},
        {"Subject": "Lomalla 9.12., en pääse"},
        {"Subject": "Hyväksytty: Verkostopäivä 9.12.2026", "X_Auto_Response_Suppress": "RN, NRN, OOF"},
        {"Subject": "Ilmoittautumislomake", "X_Auto_Response_Suppress": "All"},
        {"Subject": "Auto: kimppakyyti verkostopäivään"},
    ],
)
def test_people_are_not_auto_replies(headers: dict[str, str]) -> None:
    assert robot(mail(**headers)) == (None, ())


def test_classify_robot_directly_on_a_compat32_message() -> None:
    msg = message_from_bytes(dsn("Final-Recipient: rfc822; x@omnia.test\nAction: failed"), policy=compat32)
    kind, bounced = classify_robot(
        msg,
        headers={"return-path": "<>"},
        from_addr="mailer-daemon@mx.example.org",
        subject="Undelivered Mail Returned to Sender",
        text="",
        own_address=OWN,
    )
    assert (kind, bounced) == ("bounce", ("x@omnia.test",))


# -- auto-replies sent by a client rule, with no header that says so -----------------------


@pytest.mark.parametrize("subject", ["Out of Office", "Poissa toimistosta",
                                     "Frånvaromeddelande", "Automaattinen vastaus.",
                                     "Automatic reply"])
def test_a_subject_that_is_only_an_away_notice_is_an_autoreply(subject: str) -> None:
    body = "I am away until Monday and read my mail then.\n"
    assert robot(mail(body, Subject=subject)) == ("autoreply", ())


@pytest.mark.parametrize("subject", ["Out of office next week: can I still sign up?",
                                     "Poissa toimistosta 9.12., tilalleni tulee Kaisa",
                                     "Re: Verkostopäivä 9.12.2026"])
def test_a_person_who_names_their_absence_in_the_subject_is_no_robot(subject: str) -> None:
    assert robot(mail("Hei, en pääse, tilalleni tulee Kaisa.\n", Subject=subject)) == (None, ())


def test_a_read_receipt_is_an_autoreply() -> None:
    raw = f"""From: Maija Mallikas <maija.mallikas@omnia.test>
To: {OWN}
Subject: Luettu: Kutsu verkostopäivään 9.12.
Message-ID: <mdn1@omnia.test>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=disposition-notification; boundary="b"

--b
Content-Type: text/plain; charset=utf-8

Viestisi luettiin 1.12.2026 klo 9.12.
--b
Content-Type: message/disposition-notification

Final-Recipient: rfc822; maija.mallikas@omnia.test
Disposition: manual-action/MDN-sent-manually; displayed
--b--
""".encode()
    assert robot(raw) == ("autoreply", ())


# -- classes seen in tuning3: Exchange texts, broken From, sick leave, our own footer ------


def test_an_exchange_bounce_whose_from_is_one_encoded_word_names_the_failed_address() -> None:
    raw = mail(
        "Ditt meddelande nådde inte alla mottagare.\n\nDet gick inte att nå följande mottagare:\n\n"
        "      kim.berg@axxell.test 10.11.2026 10:19\n"
        "            <MBX01.axxell.test #5.1.1 smtp;550 5.1.1 RecipientNotFound>\n",
        From="=?utf-8?q?Systemadministrat=C3=B6r_=3Cpostmaster=40axxell=2Etest=3E?=",
        Subject="Ej levererat: Inbjudan",
    )
    parsed = parse_message(raw, own_address=OWN)
    assert parsed.from_addr == "postmaster@axxell.test"
    assert (parsed.robot, parsed.bounced) == ("bounce", ("kim.berg@axxell.test",))


@pytest.mark.parametrize(("subject", "body"), [
    ("Toimitus epäonnistui: Kutsu",
     "Viesti ei saavuttanut kaikkia vastaanottajia.\n\n  sari.aho@omnia.test\n"),
    ("Undeliverable: Invitation",
     "Your message didn't reach some or all of the intended recipients.\n\n  sam@omnia.test\n"),
    ("Returned mail: see transcript", "sam@omnia.test\n    550 5.1.1 <sam@omnia.test>: unknown\n"),
])
def test_text_bounces_from_a_daemon_name_the_failed_address(subject: str, body: str) -> None:
    kind, bounced = robot(mail(body, From="postmaster@omnia.test", Subject=subject))
    assert kind == "bounce"
    assert len(bounced) == 1


@pytest.mark.parametrize("body", [
    "Kiitos viestistäsi.\n\nOlen sairauslomalla toistaiseksi. Viestejäni ei välitetä eteenpäin.\n",
    "Hej,\n\njag har slutat på skolan. Detta är ett automatiskt meddelande.\n",
    "Hello,\n\nthis is an automated message: your enquiry has been received.\n",
])
def test_an_automatic_answer_without_headers_is_known_by_its_wording(body: str) -> None:
    assert robot(mail(body, Subject="RE: Kutsu")) == ("autoreply", ())


@pytest.mark.parametrize("subject", ["Luettu: Kutsu", "Read: Invitation", "Läst: Inbjudan",
                                     "Delivered: Invitation"])
def test_a_receipt_known_by_its_subject_is_an_autoreply(subject: str) -> None:
    assert robot(mail("Viesti luettiin.\n", Subject=subject)) == ("autoreply", ())


def test_a_person_quoting_our_automatic_footer_stays_a_person() -> None:
    body = ("Kiitos, tulen!\n\n> Tervetuloa verkostopäivään.\n"
            "> Tämä on automaattinen viesti verkoston yhteisestä postilaatikosta.\n")
    assert robot(mail(body)) == (None, ())


def test_a_web_form_relaying_a_person_is_no_robot() -> None:
    raw = mail("Nimi: Sari Aho\nSähköposti: sari.aho@omnia.test\n\n"
               "This is an automatic message from the website form.\n",
               From="Lomake <wordpress@verkosto.test>", Reply_To="sari.aho@omnia.test",
               Subject="Yhteydenotto")
    assert robot(raw) == (None, ())


@pytest.mark.parametrize("body", [
    "Olen sairauslomalla sillä viikolla, joten en pääse verkostopäivään.\n",
    "Jag är ledig den veckan och kan tyvärr inte delta.\n",
    "I am on holiday that week, so I am unable to attend the network day.\n",
])
def test_a_person_away_on_the_day_stays_a_person(body: str) -> None:
    assert robot(mail(body)) == (None, ())


@pytest.mark.parametrize("body", [
    "Hei,\n\nolen vuosilomalla 7.1.2027 asti.\n\nTerveisin\nSari\n",
    "Hej!\n\nJag är föräldraledig till 31.3.2027.\n",
    "Hello,\n\nI am on annual leave until 7 January and will reply to your email then.\n",
    "Thank you for your message. I'm away, back on Monday 14 December.\n",
    "Hei! En ole tavoitettavissa 4.1. asti.\n",
    "Jag är sjukskriven till 15.1. och läser inte min e-post.\n",
    "I am travelling until 12 January with limited access to email.\n",
])
def test_an_away_notice_with_a_return_date_is_an_autoreply_whatever_the_headers(body: str) -> None:
    assert robot(mail(body, Subject="Re: Kutsu")) == ("autoreply", ())


@pytest.mark.parametrize("body", [
    "Olen lomalla 11.12. asti, joten en pääse verkostopäivään.\n",
    "Jag är ledig till 11.12. så jag kan tyvärr inte delta.\n",
    "I am on holiday until 11 December, so I cannot attend the network day.\n",
])
def test_a_person_away_until_after_the_day_who_cannot_come_stays_a_person(body: str) -> None:
    assert robot(mail(body)) == (None, ())
