"""What mail clients write around quoted history, per client language (data, no logic).

A reply's header block, its "... wrote:" line, its "Original Message" separator and its
"Sent from my phone" line are written by the mail client in the language the client is
set to, not in the language the person writes in: a Finnish teacher's Outlook may be set
to Swedish or German. So this wording has one home for many languages, apart from the
language packs (which keep their own fields for their own language; reading uses the
union of both). Each value is as the client writes it (any case; accents as written),
in the same form as the :class:`~mailflow.core.languages.knowledge.Knowledge` field of
the same name; ``CLIENT_FIELDS`` names them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields

__all__ = ["CLIENTS", "CLIENT_FIELDS", "ClientWording", "client_wording"]


def _none() -> tuple[str, ...]:
    return ()


@dataclass(frozen=True)
class ClientWording:
    """One client language's wording around history (fields as in Knowledge)."""

    #: "From:" of a quoted or forwarded header block.
    from_headers: tuple[str, ...] = field(default_factory=_none)
    #: The block's other lines ("Sent:", "To:", "Subject:").
    other_headers: tuple[str, ...] = field(default_factory=_none)
    #: Its subject line.
    subject_headers: tuple[str, ...] = field(default_factory=_none)
    #: Titles of an "-----Original Message-----" separator.
    original_separators: tuple[str, ...] = field(default_factory=_none)
    #: Regex alternatives of a whole line that starts a forwarded mail.
    forward_lines: tuple[str, ...] = field(default_factory=_none)
    #: Verbs (or verb phrases) ending an attribution ("wrote").
    attribution_verbs: tuple[str, ...] = field(default_factory=_none)
    #: First words of an attribution ("On", "Am").
    attribution_openers: tuple[str, ...] = field(default_factory=_none)
    #: Regex alternatives of a whole line a phone or mail app adds.
    phone_signature_lines: tuple[str, ...] = field(default_factory=_none)
    #: Subject prefixes of a reply ("AW") and of a forward ("WG"), before the colon.
    reply_prefixes: tuple[str, ...] = field(default_factory=_none)
    forward_prefixes: tuple[str, ...] = field(default_factory=_none)


CLIENTS: Mapping[str, ClientWording] = {
    "sv": ClientWording(
        from_headers=("från",),
        other_headers=("skickat", "datum", "till", "kopia", "ämne", "svara till"),
        subject_headers=("ämne",),
        original_separators=("ursprungligt meddelande", "originalmeddelande"),
        forward_lines=(r"-{2,}\s*vidarebefordrat meddelande\s*-{2,}",
                       r"vidarebefordrat (?:brev|mejl|meddelande)(?: börjar)?\s*:"),
        attribution_verbs=("skrev",),
        attribution_openers=("den",),
        phone_signature_lines=(r"skickat från min .{1,40}", r"från min iphone.{0,30}",
                               r"från min android.{0,30}", r"från min mobil.{0,30}"),
        reply_prefixes=("sv",),
        forward_prefixes=("vb",),
    ),
    "no": ClientWording(
        from_headers=("fra",),
        other_headers=("sendt", "dato", "til", "kopi", "emne"),
        subject_headers=("emne",),
        original_separators=("opprinnelig melding", "original melding"),
        forward_lines=(r"-{2,}\s*videresendt melding\s*-{2,}",
                       r"videresendt melding\s*:"),
        attribution_verbs=("skrev",),
        attribution_openers=("den",),
        phone_signature_lines=(r"sendt fra min .{1,40}",),
    ),
    "da": ClientWording(
        from_headers=("fra",),
        other_headers=("sendt", "dato", "til", "cc", "emne"),
        subject_headers=("emne",),
        original_separators=("oprindelig meddelelse", "original meddelelse"),
        forward_lines=(r"-{2,}\s*videresendt (?:meddelelse|besked)\s*-{2,}",
                       r"videresendt (?:meddelelse|besked)\s*:"),
        attribution_verbs=("skrev",),
        attribution_openers=("den",),
        phone_signature_lines=(r"sendt fra min .{1,40}",),
    ),
    "de": ClientWording(
        from_headers=("von",),
        other_headers=("gesendet", "datum", "an", "cc", "betreff", "antwort an"),
        subject_headers=("betreff",),
        original_separators=("ursprüngliche nachricht", "original nachricht"),
        forward_lines=(r"-{2,}\s*weitergeleitete nachricht\s*-{2,}",
                       r"anfang der weitergeleiteten (?:nachricht|e-mail)\s*:"),
        attribution_verbs=("schrieb", "schrieben", "geschrieben"),
        attribution_openers=("am",),
        phone_signature_lines=(r"von meinem .{1,40} gesendet\.?",
                               r"gesendet von meinem .{1,40}",
                               r"diese nachricht wurde von .{1,80} gesendet\.?"),
        reply_prefixes=("aw", "antw"),
        forward_prefixes=("wg", "wtr"),
    ),
    "fr": ClientWording(
        from_headers=("de", "expéditeur"),
        other_headers=("envoyé", "date", "à", "destinataire", "cc", "objet", "répondre à"),
        subject_headers=("objet",),
        original_separators=("message d'origine", "message original"),
        forward_lines=(r"-{2,}\s*message transféré\s*-{2,}",
                       r"début du message transféré\s*:", r"début du message réexpédié\s*:"),
        attribution_verbs=("a écrit", "nous a dit"),
        attribution_openers=("le",),
        phone_signature_lines=(r"envoyé (?:depuis|de) (?:mon|ma|yahoo|outlook) .{1,40}",),
        reply_prefixes=("ré",),
        forward_prefixes=("tr", "trans"),
    ),
    "es": ClientWording(
        from_headers=("de",),
        other_headers=("enviado", "enviado el", "fecha", "para", "cc", "asunto",
                       "responder a"),
        subject_headers=("asunto",),
        original_separators=("mensaje original",),
        forward_lines=(r"-{2,}\s*mensaje reenviado\s*-{2,}",
                       r"inicio del mensaje reenviado\s*:"),
        attribution_verbs=("escribió",),
        attribution_openers=("el",),
        phone_signature_lines=(r"enviado desde mi .{1,40}",),
        forward_prefixes=("rv",),
    ),
    "pt": ClientWording(
        from_headers=("de",),
        other_headers=("enviada em", "enviado", "data", "para", "cc", "assunto"),
        subject_headers=("assunto",),
        original_separators=("mensagem original",),
        forward_lines=(r"-{2,}\s*mensagem encaminhada\s*-{2,}",),
        attribution_verbs=("escreveu",),
        attribution_openers=("em",),
        phone_signature_lines=(r"enviado do meu .{1,40}",),
        forward_prefixes=("enc",),
    ),
    "it": ClientWording(
        from_headers=("da",),
        other_headers=("inviato", "data", "a", "cc", "oggetto", "risposta"),
        subject_headers=("oggetto",),
        original_separators=("messaggio originale",),
        forward_lines=(r"-{2,}\s*messaggio inoltrato\s*-{2,}",
                       r"inizio messaggio inoltrato\s*:"),
        attribution_verbs=("ha scritto",),
        attribution_openers=("il",),
        phone_signature_lines=(r"inviato da (?:iphone|ipad|android|outlook|il mio)\b.{0,40}",),
    ),
    "nl": ClientWording(
        from_headers=("van",),
        other_headers=("verzonden", "datum", "aan", "cc", "onderwerp", "beantwoorden - aan"),
        subject_headers=("onderwerp",),
        original_separators=("oorspronkelijk bericht", "origineel bericht"),
        forward_lines=(r"-{2,}\s*doorgestuurd bericht\s*-{2,}",
                       r"begin doorgestuurd bericht\s*:"),
        attribution_verbs=("schreef", "het volgende geschreven"),
        attribution_openers=("op",),
        phone_signature_lines=(r"verzonden (?:met|vanaf|van) .{1,40}",
                               r"verstuurd (?:vanaf|met) .{1,40}"),
        forward_prefixes=("fw", "doorst"),
    ),
    "pl": ClientWording(
        from_headers=("od",),
        other_headers=("wysłano", "data", "do", "dw", "temat"),
        subject_headers=("temat",),
        original_separators=("oryginalna wiadomość", "wiadomość oryginalna"),
        forward_lines=(r"-{2,}\s*(?:przekazana wiadomość|wiadomość przekazana)\s*-{2,}",),
        attribution_verbs=("napisał", "napisała"),
        attribution_openers=("dnia", "dňa"),
        phone_signature_lines=(r"wysłane z (?:mojego|iphone|ipad|telefonu).{0,40}",),
        reply_prefixes=("odp",),
        forward_prefixes=("pd",),
    ),
    "ru": ClientWording(
        from_headers=("от",),
        other_headers=("отправлено", "дата", "кому", "копия", "тема"),
        subject_headers=("тема",),
        original_separators=("исходное сообщение",),
        forward_lines=(r"-{2,}\s*(?:пересылаемое|пересланное) сообщение\s*-{2,}",),
        attribution_verbs=("написал", "написала", "пишет", "пише"),
        phone_signature_lines=(r"отправлено с (?:iphone|ipad|моего|android).{0,40}",),
    ),
    "zh": ClientWording(
        from_headers=("发件人",),
        other_headers=("发送时间", "收件人", "抄送", "主题"),
        subject_headers=("主题",),
        original_separators=("原始邮件",),
        attribution_verbs=("写道",),
        phone_signature_lines=(r"從我的 iphone 傳送", r"发自我的 iphone"),
    ),
}

CLIENT_FIELDS = frozenset(f.name for f in fields(ClientWording))


def client_wording(name: str) -> tuple[str, ...]:
    """The field ``name`` of every client language, each alternative once."""
    found: dict[str, None] = {}
    for wording in CLIENTS.values():
        found.update(dict.fromkeys(getattr(wording, name)))
    return tuple(found)
