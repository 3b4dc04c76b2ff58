# Quoted invitation texts shared by replies (the network's own outgoing mail, as people quote it).
INV_FI = """Hei,

tervetuloa Asiakaslähtöisyys oppilaitoksissa -kehittämisverkoston verkostopäivään keskiviikkona 9.12.2026 klo 10–16 Kuntataloon (Toinen linja 14, Helsinki).

Vastaathan tähän viestiin, pääsetkö paikalle. Kerro samalla mahdollinen erityisruokavalio.

Ystävällisin terveisin
Kehittämisverkosto
verkosto@example.org"""

INV2_FI = """Hei,

verkoston jatkopäivä pidetään ke 10.2.2027 klo 10–16 Kuntatalolla. Jatkopäivän kustannukset jaetaan jatkotyöskentelyyn sitoutuneiden organisaatioiden kesken.

Kerrothan 15.1. mennessä, osallistutko.

Terveisin
Kehittämisverkosto"""

INV_SV = """Hej,

välkommen till nätverksdagen för utvecklingsnätverket Kundorientering i läroanstalter onsdagen den 9 december 2026 kl. 10–16 i Kommunhuset (Kuntatalo), Andra linjen 14, Helsingfors.

Svara gärna på detta meddelande om du kan delta och meddela eventuell specialdiet.

Med vänlig hälsning
Utvecklingsnätverket
verkosto@example.org"""

INV2_SV = """Hej,

nätverkets uppföljningsdag hålls onsdagen den 10 februari 2027 kl. 10–16 i Kommunhuset. Kostnaderna för uppföljningsdagen delas mellan de organisationer som förbundit sig till uppföljningsarbetet.

Meddela senast 15.1 om du deltar.

Hälsningar
Utvecklingsnätverket"""

INV_EN = """Dear network member,

You are warmly invited to the network day of the development network "Customer orientation in vocational institutions" on Wednesday 9 December 2026, 10:00–16:00, at Kuntatalo, Toinen linja 14, Helsinki.

Please reply to this message to let us know whether you can attend, and mention any special dietary requirements.

Kind regards,
Development network
verkosto@example.org"""

INV2_EN = """Hello,

The network's follow-up day will be held on Wednesday 10 February 2027, 10:00–16:00, at Kuntatalo, Helsinki. The costs of the follow-up day are shared between the organisations committed to the follow-up work.

Please let us know by 15 January whether you will attend.

Best regards,
Development network"""


def q(text, prefix='> '):
    return '\n'.join((prefix + l) if l else prefix.rstrip() for l in text.split('\n'))
