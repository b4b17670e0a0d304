"""jrnl 4.6 in a private virtual environment, with a private configuration."""

import json
import os
import subprocess

JRNL_VERSION = "4.6"


def cache_dir():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "kapj-bench")


def _version_ok(jrnl_bin):
    try:
        out = subprocess.run([jrnl_bin, "--version"], capture_output=True, text=True,
                             timeout=60, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return None
    first = (out.stdout or "").strip().splitlines()[:1]
    if out.returncode == 0 and first and first[0].strip() == f"jrnl v{JRNL_VERSION}":
        return first[0].strip()
    return None


def ensure(python, log):
    """Returns the path of the jrnl executable, installing it if needed, or None."""
    venv = os.path.join(cache_dir(), f"jrnl-{JRNL_VERSION}")
    jrnl_bin = os.path.join(venv, "bin", "jrnl")
    if os.path.exists(jrnl_bin) and _version_ok(jrnl_bin):
        return jrnl_bin
    if not python:
        log("jrnl: no Python interpreter for its virtual environment; skipping jrnl")
        return None
    log(f"jrnl: installing jrnl=={JRNL_VERSION} into {venv} (once; about 20 s)")
    try:
        os.makedirs(cache_dir(), exist_ok=True)
        r = subprocess.run([python, "-m", "venv", "--clear", venv], capture_output=True,
                           text=True, timeout=300, stdin=subprocess.DEVNULL)
        if r.returncode != 0:
            log("jrnl: could not create a virtual environment (is python3-venv installed?): "
                + (r.stderr.strip().splitlines() or [""])[-1] + "; skipping jrnl")
            return None
        pip = os.path.join(venv, "bin", "pip")
        r = subprocess.run([pip, "install", "--disable-pip-version-check", "-q",
                            f"jrnl=={JRNL_VERSION}"], capture_output=True, text=True,
                           timeout=900, stdin=subprocess.DEVNULL)
        if r.returncode != 0:
            log("jrnl: pip install failed: " + (r.stderr.strip().splitlines() or [""])[-1]
                + "; skipping jrnl")
            return None
    except (OSError, subprocess.TimeoutExpired) as e:
        log(f"jrnl: installation failed ({e}); skipping jrnl")
        return None
    if not _version_ok(jrnl_bin):
        log("jrnl: installed, but `jrnl --version` does not answer as expected; skipping jrnl")
        return None
    return jrnl_bin


def configure(root, journal_path):
    """Writes a private jrnl configuration under root; returns the environment overrides.

    XDG_CONFIG_HOME (and the data and cache homes) point inside root, so the
    user's own jrnl configuration and journals are never read or touched.
    """
    cfg_home = os.path.join(root, "xdg-config")
    os.makedirs(os.path.join(cfg_home, "jrnl"), exist_ok=True)
    q = json.dumps  # a JSON string is a valid YAML scalar
    text = "\n".join([
        "colors:",
        "  body: none",
        "  date: none",
        "  tags: none",
        "  title: none",
        "default_hour: 9",
        "default_minute: 0",
        "editor: ''",
        "encrypt: false",
        "highlight: false",
        "indent_character: '|'",
        "journals:",
        "  default:",
        f"    journal: {q(journal_path)}",
        "linewrap: 79",
        "tagsymbols: '#@'",
        "template: false",
        f"timeformat: {q('%Y-%m-%d %H:%M')}",
        f"version: {q(JRNL_VERSION)}",
        "",
    ])
    with open(os.path.join(cfg_home, "jrnl", "jrnl.yaml"), "w", encoding="utf-8") as f:
        f.write(text)
    env = {
        "XDG_CONFIG_HOME": cfg_home,
        "XDG_DATA_HOME": os.path.join(root, "xdg-data"),
        "XDG_CACHE_HOME": os.path.join(root, "xdg-cache"),
    }
    for d in env.values():
        os.makedirs(d, exist_ok=True)
    return env
