"""The config file: the embedded default loads; every mistake is one clear line and exit 2."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mailflow.cli.main import main
from mailflow.config.loader import load_settings
from mailflow.config.resources import default_config_path
from mailflow.config.secrets import resolve_secret
from mailflow.core.errors import ConfigError, SecretError

MINIMAL = """
[network]
address = "verkosto@example.org"
facilitator = "vetaja@example.org"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mailflow.toml"
    path.write_text(text, encoding="utf-8")
    return path


def check_config(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--config", str(path), "check-config"])
    err = capsys.readouterr().err
    return code, err


def test_the_embedded_default_is_valid_and_documented() -> None:
    settings = load_settings(default_config_path())
    assert settings.mailbox.kind == "maildir"
    assert settings.mailbox.path == "var/mail"
    assert settings.outbox.kind == "file"
    assert settings.outbox.path == "var/outbox"
    assert settings.store.path == "var/mailflow.json"
    assert settings.network.timezone == "Europe/Helsinki"
    assert settings.network.language == "fi"
    assert settings.network.max_per_org == 4
    assert settings.network.address.endswith("@example.org")
    assert settings.network.facilitator.endswith("@example.org")
    assert any(o.name == "Omnia" and "omnia.test" in o.domains for o in settings.organisations)


def test_mailflow_config_environment_variable_chooses_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, MINIMAL)
    monkeypatch.setenv("MAILFLOW_CONFIG", str(path))
    assert main(["check-config"]) == 0
    assert str(path) in capsys.readouterr().out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[network]\naddress = \"verkosto@example.org\"\n", "network.facilitators: missing required key"),
        (MINIMAL + "max_per_org = \"neljä\"\n", "network.max_per_org: expected an integer, got a string"),
        (MINIMAL + "max_per_orgs = 4\n", "network.max_per_orgs: unknown key"),
        (MINIMAL + "[mailbx]\n", "mailbx: unknown section"),
        (MINIMAL + "[mailbox]\nkind = \"pop3\"\n", "mailbox.kind: expected 'maildir' or 'imap'"),
        (MINIMAL + "[schedule]\nreminder_offsets_days = 7\n", "schedule.reminder_offsets_days: expected an array"),
        (MINIMAL + "timezone = \"Europe/Helsingfors-x\"\n", "network.timezone: unknown timezone"),
        (MINIMAL + "language = \"se\"\n", "network.language: no language pack 'se'; expected one of fi, en"),
        ("[network\n", "not valid TOML"),
        (MINIMAL + "[mailbox]\nprocessed_folder = \"a\\u0007b\"\n",
         "mailbox.processed_folder: a folder name cannot hold control characters"),
        (MINIMAL + "[mailbox]\nkind = \"imap\"\nattention_folder = \"/\"\n[imap]\nhost = \"x\"\n",
         "mailbox.attention_folder: expected a folder name"),
    ],
    ids=["missing-key", "wrong-type", "unknown-key", "unknown-section", "bad-choice",
         "array-expected", "bad-timezone", "bad-language", "bad-toml",
         "control-character-folder", "empty-imap-folder"],
)
def test_a_bad_config_is_one_line_naming_file_and_key_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    path = write(tmp_path, text)
    code, err = check_config(path, capsys)
    assert code == 2
    assert err.count("\n") == 1, err  # one line, no traceback
    assert str(path) in err
    assert expected in err


def test_a_missing_file_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = check_config(tmp_path / "nowhere.toml", capsys)
    assert code == 2
    assert err.strip() == f"mailflow: {tmp_path / 'nowhere.toml'}: no such file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, MINIMAL)
    path.chmod(0)
    code, err = check_config(path, capsys)
    assert code == 2
    assert str(path) in err
    assert "cannot read" in err


def test_a_folder_given_as_config_is_an_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = check_config(tmp_path, capsys)
    assert code == 2
    assert str(tmp_path) in err
    assert "cannot read the file" in err
    assert err.count("\n") == 1


SMTP_WITH = MINIMAL + """
[outbox]
kind = "smtp"
[smtp]
host = "smtp.example.org"
port = 587
tls = "starttls"
username = "verkosto@example.org"
"""


def test_a_missing_secret_names_the_variable_not_a_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("MAILFLOW_TEST_SMTP_PASSWORD", raising=False)
    path = write(tmp_path, SMTP_WITH + 'password_env = "MAILFLOW_TEST_SMTP_PASSWORD"\n')
    code, err = check_config(path, capsys)
    assert code == 2
    assert "smtp.password_env" in err
    assert "MAILFLOW_TEST_SMTP_PASSWORD is not set" in err
    assert err.count("\n") == 1


def test_a_failing_password_command_does_not_leak_its_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, SMTP_WITH + "password_command = \"echo hunter2-secret; exit 3\"\n")
    code, err = check_config(path, capsys)
    assert code == 2
    assert "smtp.password_command" in err
    assert "status 3" in err
    assert "hunter2" not in err


def test_secrets_come_from_env_and_commands_and_never_show_in_repr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAILFLOW_TEST_SMTP_PASSWORD", "s3cret-from-env")
    settings = load_settings(write(tmp_path, SMTP_WITH + 'password_env = "MAILFLOW_TEST_SMTP_PASSWORD"\n'))
    assert settings.smtp is not None
    secret = resolve_secret(settings.smtp, "smtp")
    assert secret.kind == "password"
    assert secret.value == "s3cret-from-env"
    assert "s3cret" not in repr(secret)

    settings = load_settings(write(tmp_path, SMTP_WITH + 'oauth2_token_command = "printf tok-123"\n'))
    assert settings.smtp is not None
    secret = resolve_secret(settings.smtp, "smtp")
    assert (secret.kind, secret.value) == ("oauth2", "tok-123")


def test_only_one_secret_source_is_allowed(tmp_path: Path) -> None:
    text = SMTP_WITH + 'password_env = "A"\npassword_command = "true"\n'
    with pytest.raises(ConfigError, match="give only one of password_env, password_command"):
        load_settings(write(tmp_path, text))


def test_imap_mailbox_needs_its_section(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"imap: mailbox.kind is 'imap' but there is no \[imap\]"):
        load_settings(write(tmp_path, MINIMAL + '[mailbox]\nkind = "imap"\n'))


def test_turning_certificate_checks_off_is_explicit_and_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    load_settings(write(tmp_path, SMTP_WITH + "verify_certificate = false\n"))
    assert "certificate verification is turned off for smtp.example.org" in caplog.text


def test_secret_error_is_a_config_error() -> None:
    assert issubclass(SecretError, ConfigError)


def test_the_server_example_is_valid() -> None:
    settings = load_settings(default_config_path().with_name("imap-smtp.example.toml"))
    assert settings.mailbox.kind == "imap"
    assert settings.imap is not None
    assert settings.imap.tls == "ssl"
    assert settings.imap.verify_certificate
    assert settings.outbox.kind == "smtp"
    assert settings.smtp is not None
    assert settings.smtp.password_env == "MAILFLOW_SMTP_PASSWORD"
