NET = ("Kehittämisverkosto", "verkosto@example.org")


def P(name=None, address=None, role=None, organisation=None):
    d = {}
    for k, v in (("name", name), ("address", address), ("role", role), ("organisation", organisation)):
        if v:
            d[k] = v
    return d


def M(lang, label, exp=None, **spec):
    spec["lang"] = lang
    spec["label"] = label
    spec["exp"] = exp or {}
    return spec


INV_FI = """Hei,

Asiakaslähtöisyys oppilaitoksissa -kehittämisverkoston seuraava verkostopäivä pidetään
keskiviikkona 9.12.2026 klo 10–16 Kuntatalolla, Helsingissä.

Vastaathan tähän viestiin, pääsetkö paikalle. Kerro samalla mahdollinen erityisruokavalio.

Ystävällisin terveisin
Kehittämisverkoston vetäjä
verkosto@example.org"""

INV2_FI = """Hei,

Verkoston jatkopäivä pidetään ke 10.2.2027 klo 10–16 Kuntatalolla. Jatkopäivän kustannukset
jaetaan jatkotyöskentelyyn sitoutuneiden organisaatioiden kesken (päivän hinta / organisaatioiden määrä).

Ilmoitathan osallistumisestasi ja organisaatiosi sitoutumisesta 15.1.2027 mennessä.

Terveisin
Kehittämisverkosto"""

INV_SV = """Hej,

Nästa nätverksdag i utvecklingsnätverket Asiakaslähtöisyys oppilaitoksissa (kundorientering i
läroanstalter) hålls onsdagen 9.12.2026 kl. 10–16 i Kommunhuset (Kuntatalo), Helsingfors.

Svara gärna på detta meddelande och meddela om du deltar samt eventuell specialdiet.

Med vänliga hälsningar
Kehittämisverkosto"""

INV2_SV = """Hej,

Uppföljningsdagen hålls ons 10.2.2027 kl. 10–16 i Kuntatalo. Kostnaderna delas mellan de
organisationer som förbundit sig till uppföljningsarbetet.

Vänligen meddela ert deltagande senast 15.1.2027.

Hälsningar
Kehittämisverkosto"""

INV_EN = """Dear network member,

The next network day of the development network "Customer orientation in vocational institutions"
takes place on Wednesday 9 December 2026, 10:00-16:00, at Kuntatalo, Helsinki.

Please reply to let us know whether you can attend, and tell us about any special diet.

Best regards,
Kehittämisverkosto"""

INV2_EN = """Dear network member,

The follow-up day will be held on Wednesday 10 February 2027, 10:00-16:00, at Kuntatalo.
The costs of the follow-up day are shared between the organisations committed to the follow-up work.

Please let us know by 15 January 2027.

Kind regards,
Kehittämisverkosto"""
