"""Whether our own server vouched for a mail's sender (Authentication-Results)."""

from __future__ import annotations

import re

__all__ = ["authenticated"]

def _domain(address: str) -> str:
    return address.rpartition("@")[2].strip().lower().rstrip(".")


def _aligned(signing: str, from_domain: str) -> bool:
    signing = signing.strip().lower().rstrip(".")
    return bool(signing) and (from_domain == signing or from_domain.endswith("." + signing))


def authenticated(results: list[str], trusted: str, from_addr: str) -> bool:
    """Does the topmost Authentication-Results of ``trusted`` vouch for the From domain?"""
    trusted = trusted.strip().lower()
    from_domain = _domain(from_addr)
    if not trusted or not from_domain:
        return False
    for header in results:
        fields = [f.strip() for f in re.sub(r"\([^()]*\)", " ", header).split(";")]
        if not fields or not fields[0] or fields[0].split()[0].lower() != trusted:
            continue
        for resinfo in fields[1:]:
            props = dict(
                (k.lower(), v.strip('"').lower())
                for k, v in re.findall(r"([A-Za-z0-9_.-]+)\s*=\s*(\"[^\"]*\"|[^\s;]+)", resinfo)
            )
            if props.get("dmarc") == "pass":
                header_from = props.get("header.from", from_domain)
                if header_from == from_domain:
                    return True
            if props.get("dkim") == "pass" and _aligned(props.get("header.d", ""), from_domain):
                return True
        return False  # only the topmost header of our own server counts
    return False

