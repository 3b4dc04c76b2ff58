"""Intake figures: reading a big IMAP INBOX from a loopback Dovecot.

For each mailbox size (default 1,000 and 10,000 messages of 2-20 KB, mixed Finnish mail:
sign-ups, RSVPs, cancellations, HTML-only replies from Outlook, out-of-office replies),
fills a fresh Dovecot by writing Maildir files, opens the INBOX once (Dovecot indexes it),
then measures
  raw       - plain IMAPClient: SEARCH, then FETCH BODY.PEEK[] in chunks of --batch-size
  fetch_new - ImapMailbox.fetch_new: sizes and INTERNALDATE first, then bodies, in batches
Throughput comes from a run without tracemalloc; peak Python memory from a second run with
it. Memory should stay flat with the mailbox size: batches never hold the whole mailbox.
Figures, not pass/fail. Usage: python bench/intake_fetch.py [--sizes 1000,10000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mailflow.adapters.imap import ImapMailbox
from tests.dovecot import Dovecot

SINCE = datetime(2026, 11, 1, tzinfo=UTC)
ORGS = [("Omnia", "omnia.test"), ("Stadin ammatti- ja aikuisopisto", "stadi.test"),
        ("Keuda", "keuda.test"), ("Varia", "varia.test")]
NAMES = ["Maija Mallikas", "Pekka Puupää", "Liisa Laine", "Olli Ojala", "Sanna Salo"]
QUOTE = ("> Lähettäjä: Kehittämisverkosto <verkosto@example.org>\n"
         "> Lähetetty: 2. marraskuuta 2026 8.00\n"
         "> Aihe: Verkostopäivä 5.12. – ilmoittautuminen\n"
         "> Tervetuloa verkostopäivään Kuntatalolle. Vastaathan tähän viestiin, "
         "osallistutko (kyllä / en pääse).\n")
BODIES = [
    "Hei,\n\nilmoittaudun verkostopäivään.\n\nNimi: {name}\nOrganisaatio: {org}\n"
    "Rooli: oppisopimustoiminnan esimies\nErityisruokavalio: laktoositon\n",
    "Kyllä, osallistun. Tulen paikan päälle.\n\nTerveisin\n{name}\n{org}\n",
    "Valitettavasti en pääse. Sijaiseni on Kaisa Koskinen (kaisa.koskinen@{domain}).\n",
    "Peruutan ilmoittautumiseni.\n\n{name}\n",
    "Sitoudumme jatkoon. {org} on mukana jatkotyöskentelyssä.\n",
]


def message(n: int, rng: random.Random) -> bytes:
    name = NAMES[n % len(NAMES)]
    org, domain = ORGS[n % len(ORGS)]
    msg = EmailMessage()
    msg["From"] = f"{name} <henkilo{n}@{domain}>"
    msg["To"] = "Kehittämisverkosto <verkosto@example.org>"
    msg["Date"] = format_datetime(SINCE + timedelta(minutes=n))
    msg["Message-ID"] = f"<bench-{n}@{domain}>"
    target = rng.randint(2_000, 20_000)
    if n % 17 == 0:
        msg["Subject"] = "Automaattinen vastaus: Verkostopäivä"
        msg["Auto-Submitted"] = "auto-replied"
        text = "Olen poissa toimistosta 30.11. asti. Vastaan viesteihin palattuani.\n"
    else:
        msg["Subject"] = "VS: Verkostopäivä 5.12. – ilmoittautuminen"
        text = BODIES[n % len(BODIES)].format(name=name, org=org, domain=domain)
    text += "\n" + QUOTE * max(0, (target - 900) // (len(QUOTE.encode()) + 40))
    if n % 5 == 0:  # Outlook-style HTML-only
        paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines() if line)
        msg.set_content(f"<html><body>{paragraphs}</body></html>", subtype="html")
    else:
        msg.set_content(text)
    return bytes(msg)


def fill(server: Dovecot, count: int) -> int:
    rng = random.Random(count)
    total = 0
    for n in range(count):
        raw = message(n, rng)
        total += len(raw)
        server.deliver(raw, received_at=SINCE + timedelta(seconds=n), name=f"{1790000000 + n}.M{n}.bench")
    return total


def raw_fetch(server: Dovecot, batch_size: int) -> int:
    with server.client(timeout=120) as client:
        client.select_folder("INBOX", readonly=True)
        uids = client.search()
        count = 0
        for start in range(0, len(uids), batch_size):
            fetched = client.fetch(uids[start:start + batch_size], ["BODY.PEEK[]"])
            count += len(fetched)
        return count


def mailflow_fetch(server: Dovecot, batch_size: int, fetch_chunk: int) -> int:
    box = ImapMailbox(lambda: server.client(timeout=120), processed_folder="processed",
                      attention_folder="attention", fetch_chunk=fetch_chunk)
    try:
        return sum(len(b.messages) for b in box.fetch_new({}, SINCE, batch_size, 10 << 20))
    finally:
        box.close()


def measure(run: Callable[[], int]) -> tuple[float, float]:
    """Messages per second (untraced run) and peak traced memory in MiB (second run)."""
    start = time.perf_counter()
    count = run()
    rate = count / (time.perf_counter() - start)
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return rate, peak / (1 << 20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="mailbox sizes, comma-separated")
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--fetch-chunk", type=int, default=100)
    args = parser.parse_args()
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        with Dovecot() as server:
            started = time.perf_counter()
            total = fill(server, size)
            filled = time.perf_counter() - started
            started = time.perf_counter()
            with server.client(timeout=300) as client:
                client.select_folder("INBOX", readonly=True)  # Dovecot builds its index
            indexed = time.perf_counter() - started
            raw_rate, raw_peak = measure(lambda: raw_fetch(server, args.batch_size))
            box_rate, box_peak = measure(
                lambda: mailflow_fetch(server, args.batch_size, args.fetch_chunk))
        rows.append((size, total / (1 << 20), filled, indexed, raw_rate, raw_peak,
                     box_rate, box_peak))

    print(f"batch size {args.batch_size}, fetch chunk {args.fetch_chunk}; "
          "peak = tracemalloc peak of the fetching code, MiB")
    header = ("messages", "MiB", "fill s", "index s", "raw msg/s", "raw peak",
              "fetch_new msg/s", "fetch_new peak")
    print(" | ".join(f"{h:>15}" for h in header))
    for size, mib, filled, indexed, raw_rate, raw_peak, box_rate, box_peak in rows:
        cells = (f"{size:,}", f"{mib:.1f}", f"{filled:.1f}", f"{indexed:.2f}",
                 f"{raw_rate:,.0f}", f"{raw_peak:.1f}", f"{box_rate:,.0f}", f"{box_peak:.1f}")
        print(" | ".join(f"{c:>15}" for c in cells))


if __name__ == "__main__":
    main()
