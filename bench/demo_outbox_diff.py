"""Does a change alter what mailflow sends? The demo's outbox at two revisions, compared.

Runs ``mailflow demo`` twice in fresh folders: once with the code of a git revision
(checked out to a temporary worktree) and once with this working tree. The demo's clock is
simulated, but its incoming mail carries Message-IDs made from the time and process id, so
before comparing, each mail's Message-ID, In-Reply-To, References and Date lines are
dropped and the hex key that names the file and seeds the MIME boundaries is blanked. The
remaining bytes must be equal, mail for mail; the digest's HTML too.

Usage: python bench/demo_outbox_diff.py [--before-rev REV]   (default HEAD)
Prints the number of mails on each side and every difference; exit 1 when any.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VOLATILE = re.compile(rb"^(Message-ID|In-Reply-To|References|Date): .*(\r?\n[ \t].*)*\r?\n",
                      re.MULTILINE)
KEY = re.compile(rb"(?<![0-9a-f])[0-9a-f]{16,}(?![0-9a-f])")


def run_demo(code: Path, where: Path) -> Path:
    env = {**os.environ, "PYTHONPATH": str(code)}
    subprocess.run([sys.executable, "-m", "mailflow", "demo"], cwd=where, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return where / "var" / "demo"


def normalised(demo: Path) -> Counter[bytes]:
    mails = Counter(KEY.sub(b"K", VOLATILE.sub(b"", p.read_bytes()))
                    for p in sorted((demo / "outbox").glob("*.eml")))
    mails[b"digest.html:" + KEY.sub(b"K", (demo / "digest.html").read_bytes())] += 1
    return mails


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before-rev", default="HEAD")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        old_code = base / "before-code"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(old_code),
                        args.before_rev], cwd=ROOT, check=True)
        try:
            (base / "before").mkdir()
            (base / "after").mkdir()
            before = normalised(run_demo(old_code, base / "before"))
            after = normalised(run_demo(ROOT, base / "after"))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(old_code)], cwd=ROOT,
                           check=True)
    print(f"demo outbox at {args.before_rev}: {sum(before.values()) - 1} mails + digest; "
          f"this tree: {sum(after.values()) - 1} mails + digest")
    only_before, only_after = before - after, after - before
    for label, extra in (("only before", only_before), ("only after", only_after)):
        for mail in extra:
            heads = [line for line in mail.splitlines()[:8] if line[:3] in (b"To:", b"Sub")]
            print(f"--- {label}: " + b" | ".join(heads).decode(errors="replace"))
    if only_before or only_after:
        print(f"DIFFERENT: {sum(only_before.values())} before / {sum(only_after.values())} after")
        return 1
    print("identical apart from Message-ID, In-Reply-To, References, Date and keys")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
