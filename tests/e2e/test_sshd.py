"""The explorer offered over a real OpenSSH server, configured with the README's ``Match`` block.

A throwaway ``sshd`` listens on 127.0.0.1 on a free port, with a throwaway host key, and lets the
current user in with a throwaway key (when run as root, as CI does, that is root: the
``Match User`` block names whoever runs the tests). Its ``ForceCommand`` is the installed
``foi-explorer --restricted`` of this environment.
"""

from __future__ import annotations

import getpass
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e.processes import stop
from tests.e2e.pty_session import PtySession

pytestmark = pytest.mark.e2e

SSHD = Path("/usr/sbin/sshd")
README = Path(__file__).resolve().parents[2] / "README.md"
README_USER = "explorer"
README_COMMAND = "/opt/foi-explorer/bin/python"
HOST = "127.0.0.1"


def readme_match_block() -> str:
    """The ``Match User explorer`` block of the README's "Offering it over SSH" section."""
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```text\n(Match User explorer\n.*?)```", text, flags=re.S)
    assert len(blocks) == 1, "the README must show exactly one Match User explorer block"
    return blocks[0]


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class SshServer:
    """A running throwaway sshd and how to reach it."""

    port: int
    user: str
    key: Path
    home: Path
    log: Path

    def ssh(self, *options: str) -> list[str]:
        """An ``ssh`` command line to this server, with the throwaway key and no host-key prompts."""
        return [
            "ssh",
            "-F",
            "/dev/null",
            *options,
            "-p",
            str(self.port),
            "-i",
            str(self.key),
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "IdentityAgent=none",
            "-o",
            "BatchMode=yes",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "ConnectTimeout=10",
            f"{self.user}@{HOST}",
        ]

    @property
    def env(self) -> dict[str, str]:
        """The client's environment: a throwaway home, so no user ssh config or agent is used."""
        return {"HOME": str(self.home), "SSH_AUTH_SOCK": ""}


def sshd_config(tmp: Path, port: int, user: str, *, lax: bool = False) -> str:
    """A test sshd_config: key log-in for ``user`` on 127.0.0.1, then the README's Match block.

    ``lax``: a careless server, accepting every variable a client sends (``AcceptEnv *`` and no
    ``AcceptEnv`` in the block), so that the explorer's own defences are what is tested.
    """
    match = readme_match_block()
    assert README_COMMAND in match
    match = match.replace(f"Match User {README_USER}", f"Match User {user}")
    match = match.replace(README_COMMAND, sys.executable)
    if lax:
        match = "\n".join(line for line in match.splitlines() if "AcceptEnv" not in line) + "\n"
    lines = [
        f"Port {port}",
        f"ListenAddress {HOST}",
        f"HostKey {tmp / 'host_ed25519'}",
        f"PidFile {tmp / 'sshd.pid'}",
        f"AuthorizedKeysFile {tmp / 'authorized_keys'}",
        "PubkeyAuthentication yes",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "UsePAM no",
        # The keys sit under /tmp, which is world-writable: strict modes would refuse them there.
        "StrictModes no",
        "PermitRootLogin prohibit-password",
        f"AllowUsers {user}",
        "LogLevel VERBOSE",
        *(["AcceptEnv *"] if lax else ["AcceptEnv LANG LC_* PYTHON* TEXTUAL* COLUMNS LINES"]),
        match,
    ]
    return "\n".join(lines) + "\n"


def keygen(path: Path) -> None:
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "foi-explorer-test", "-f", str(path)],
        check=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def sshd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SshServer]:
    """A real sshd on 127.0.0.1 with the README's block (after a global AcceptEnv far too wide), for the module."""
    yield from run_sshd(tmp_path_factory, lax=False)


@pytest.fixture(scope="module")
def lax_sshd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SshServer]:
    """A real sshd that passes on every variable the client sends (the README block without its AcceptEnv)."""
    yield from run_sshd(tmp_path_factory, lax=True)


@pytest.fixture(params=["readme", "lax"])
def any_sshd(request: pytest.FixtureRequest) -> SshServer:
    """Each of the two servers in turn."""
    return request.getfixturevalue("sshd" if request.param == "readme" else "lax_sshd")


def run_sshd(tmp_path_factory: pytest.TempPathFactory, *, lax: bool) -> Iterator[SshServer]:
    """Start sshd, yield how to reach it, stop it."""
    if not SSHD.exists():
        pytest.skip(f"OpenSSH server not installed ({SSHD} missing): apt-get install openssh-server")
    for tool in ("ssh", "ssh-keygen"):
        if shutil.which(tool) is None:
            pytest.skip(f"OpenSSH client not installed ({tool} missing)")
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # sshd's privilege separation folder
    tmp = tmp_path_factory.mktemp("sshd")
    tmp.chmod(0o755)
    keygen(tmp / "host_ed25519")
    keygen(tmp / "user_ed25519")
    authorized = tmp / "authorized_keys"
    authorized.write_text((tmp / "user_ed25519.pub").read_text())
    authorized.chmod(0o600)
    home = tmp / "client-home"
    home.mkdir()
    port = free_port()
    user = getpass.getuser()
    config = tmp / "sshd_config"
    config.write_text(sshd_config(tmp, port, user, lax=lax))
    checked = subprocess.run([str(SSHD), "-t", "-f", str(config)], capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, f"sshd refused the configuration:\n{checked.stderr}\n{config.read_text()}"
    log = tmp / "sshd.log"
    with log.open("wb") as log_file:
        process = subprocess.Popen([str(SSHD), "-D", "-e", "-f", str(config)], stdout=log_file, stderr=log_file)
    try:
        wait_for_port(port, process, log)
        yield SshServer(port=port, user=user, key=tmp / "user_ed25519", home=home, log=log)
    finally:
        stop(process)


def wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path, timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if process.poll() is not None:
            pytest.fail(f"sshd exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with socket.create_connection((HOST, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"sshd did not listen on {HOST}:{port} within {timeout}s:\n{log.read_text(errors='replace')}")


def test_ssh_opens_the_explorer_and_q_ends_the_session(sshd: SshServer) -> None:
    with PtySession(sshd.ssh("-tt"), env=sshd.env) as term:
        screen = term.wait_for("184 in all", "FoI ref not stated", timeout=30)
        assert "peak 2021 (92)" in screen
        term.send("2")
        term.wait_for("police constable", "160")
        term.send("q")
        assert term.wait_exit(timeout=15) == 0, sshd.log.read_text(errors="replace")


@pytest.mark.parametrize("command", [["id"], ["cat", "/etc/passwd"], ["sh", "-c", "'echo OWNED-$((6*7))'"]])
def test_any_other_command_still_gets_only_the_explorer(sshd: SshServer, command: list[str]) -> None:
    with PtySession([*sshd.ssh("-tt"), *command], env=sshd.env) as term:
        screen = term.wait_for("184 in all", "FoI ref not stated", timeout=30)
        term.send("q")
        assert term.wait_exit(timeout=15) == 0
    for leak in ("uid=", "root:x:0:0", "OWNED-42", "/bin/"):
        assert leak not in screen
        assert leak.encode() not in term.raw


@pytest.mark.parametrize("command", [[], ["id"]])
def test_a_session_without_a_terminal_is_refused(sshd: SshServer, command: list[str]) -> None:
    result = subprocess.run(
        [*sshd.ssh("-T"), *command],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        env=sshd.env,
    )
    assert result.returncode != 0
    assert result.stdout == ""
    assert "restricted mode needs a terminal" in result.stderr
    assert "uid=" not in result.stderr


def test_forwarding_is_refused(sshd: SshServer) -> None:
    """``ssh -W`` asks the server to open a TCP connection for the client: refused."""
    result = subprocess.run(
        [*sshd.ssh("-W", f"{HOST}:{sshd.port}")],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        env=sshd.env,
    )
    assert result.returncode != 0
    assert b"SSH-2.0" not in result.stdout, "the server forwarded a TCP connection"


def send_env(**variables: str) -> list[str]:
    """``ssh`` options sending these variables (the server decides whether to accept them)."""
    return ["-o", "SetEnv=" + " ".join(f"{name}={value}" for name, value in variables.items())]


def test_python_inspect_gives_no_python_prompt_after_q(any_sshd: SshServer) -> None:
    with PtySession(any_sshd.ssh("-tt", *send_env(PYTHONINSPECT="1")), env=any_sshd.env) as term:
        term.wait_for("184 in all", timeout=30)
        term.send("q")
        assert term.wait_exit(timeout=15) == 0
    assert b">>>" not in term.raw


def test_python_path_and_startup_files_never_run(any_sshd: SshServer, tmp_path_factory: pytest.TempPathFactory) -> None:
    planted = tmp_path_factory.mktemp("planted")
    planted.chmod(0o755)
    marker = planted / "ran"
    code = f"open({str(marker)!r}, 'a').write('ran\\n')\n"
    for name in ("sitecustomize.py", "usercustomize.py", "startup.py"):
        (planted / name).write_text(code)
    (planted / "tui").mkdir()
    (planted / "tui" / "__init__.py").write_text(code)
    (planted / "tui" / "__main__.py").write_text(code)
    variables = {
        "PYTHONPATH": str(planted),
        "PYTHONSTARTUP": str(planted / "startup.py"),
        "PYTHONUSERBASE": str(planted),
        "PYTHONINSPECT": "1",
        "PYTHONWARNINGS": "error",
    }
    with PtySession(any_sshd.ssh("-tt", *send_env(**variables)), env=any_sshd.env) as term:
        term.wait_for("184 in all", "FoI ref not stated", timeout=30)
        term.send("q")
        assert term.wait_exit(timeout=15) == 0
    assert not marker.exists(), "planted code ran in the restricted session"


def test_a_huge_columns_and_lines_still_draws_the_explorer(any_sshd: SshServer) -> None:
    with PtySession(any_sshd.ssh("-tt", *send_env(COLUMNS="100000", LINES="100000")), env=any_sshd.env) as term:
        term.wait_for("184 in all", timeout=30)
        term.send("q")
        assert term.wait_exit(timeout=15) == 0


def test_textual_settings_sent_by_the_client_are_ignored(any_sshd: SshServer, tmp_path_factory) -> None:
    logs = tmp_path_factory.mktemp("textual-log")
    logs.chmod(0o777)
    variables = {"TEXTUAL": "debug,devtools", "TEXTUAL_LOG": str(logs / "log.txt"), "TEXTUAL_ALLOW_SIGNALS": "1"}
    with PtySession(any_sshd.ssh("-tt", *send_env(**variables)), env=any_sshd.env) as term:
        term.wait_for("184 in all", timeout=30)
        term.send("q")
        assert term.wait_exit(timeout=15) == 0
    assert not list(logs.iterdir())


@pytest.mark.parametrize("command", [["report", "--format", "json"], ["check"], ["demo"], ["serve"]])
def test_sub_commands_asked_for_get_the_explorer_or_nothing(lax_sshd: SshServer, command: list[str]) -> None:
    with PtySession([*lax_sshd.ssh("-tt"), *command], env=lax_sshd.env) as term:
        term.wait_for("184 in all", timeout=30)
        term.send("q")
        assert term.wait_exit(timeout=15) == 0
    result = subprocess.run(
        [*lax_sshd.ssh("-T"), *command],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        env=lax_sshd.env,
    )
    assert result.returncode != 0 and result.stdout == ""
