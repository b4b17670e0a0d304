#!/usr/bin/env python3
"""Keystroke-to-redraw time of kapj's answer box on a 2,000-character answer.

    bench/answerbox.py [--kapj target/release/kapj] [--keys 300] [--chars 2000]

Runs `kapj write free` on a pseudo-terminal (80x24) in a throwaway home,
pastes an answer of --chars characters, then sends keys one at a time
(typing, Left, Backspace, Up, Down, End, in turn) and measures, for each, the
time from writing the key to the pty until the end of the redraw it causes
has been read back (the box ends every frame by showing the cursor again,
ESC [ ? 25 h). That is the delay a person feels, including the terminal
round trip; a terminal emulator adds its own drawing time on top.
Target (issue 13): under 5 ms a key. Standard library only; not part of CI.
"""

import argparse
import os
import pty
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
import fcntl

FRAME_END = b"\x1b[?25h"
KEYS = [b"a", b"\x1b[D", b"\x7f", b"\x1b[A", b"\x1b[B", b"\x1b[F", b"k"]


def read_until(fd, marker, timeout):
    """Reads from fd until `marker` has arrived; returns the bytes read."""
    buf = b""
    deadline = time.perf_counter() + timeout
    while marker not in buf:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise TimeoutError(f"no {marker!r} within {timeout}s; got {buf[-200:]!r}")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            buf += os.read(fd, 65536)
    return buf


def cpu_seconds(pid):
    """User + system CPU time kapj has used so far (Linux /proc), or None."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def drain(fd, quiet=0.3):
    """Reads until kapj has been quiet for `quiet` seconds (or has ended)."""
    try:
        while select.select([fd], [], [], quiet)[0]:
            if not os.read(fd, 65536):
                return
    except OSError:  # the pty closes when kapj ends
        return


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kapj", default="target/release/kapj")
    ap.add_argument("--keys", type=int, default=300)
    ap.add_argument("--chars", type=int, default=2000)
    a = ap.parse_args()
    kapj = os.path.abspath(a.kapj)
    if not os.path.exists(kapj):
        sys.exit(f"{kapj} does not exist; run `cargo build --release` or pass --kapj.")

    tmp = tempfile.mkdtemp(prefix="kapj-answerbox-")
    try:
        env = {
            "KAPJ_HOME": os.path.join(tmp, "home"),
            "KAPJ_NOW": "2026-11-22T21:00:00+01:00",
            "PATH": os.environ.get("PATH", ""),
            "HOME": tmp,
            "NO_COLOR": "1",
            "LANG": "C.UTF-8",
            "TERM": "xterm",
        }
        subprocess.run([kapj, "status"], env=env, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, check=True)
        pid, fd = pty.fork()
        if pid == 0:
            os.execve(kapj, [kapj, "write", "free"], env)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        read_until(fd, b"Ctrl+D saves", 10)
        words = "the lake at dawn and my father's hands, warm and slow; "
        answer = (words * (a.chars // len(words) + 1))[: a.chars]
        os.write(fd, b"\x1b[200~" + answer.encode() + b"\x1b[201~")
        drain(fd)
        times = []
        cpu_before = cpu_seconds(pid)
        for i in range(a.keys):
            key = KEYS[i % len(KEYS)]
            start = time.perf_counter()
            os.write(fd, key)
            read_until(fd, FRAME_END, 5)
            times.append((time.perf_counter() - start) * 1000)
            drain(fd, 0.002)
        cpu_after = cpu_seconds(pid)
        os.write(fd, b"\x03")
        drain(fd)
        os.waitpid(pid, 0)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"answer box, {a.chars}-character answer, 80x24, {a.keys} keys ({kapj}):")
    print(f"  median {statistics.median(times):.2f} ms   p95 {p95:.2f} ms   max {times[-1]:.2f} ms")
    if cpu_before is not None and cpu_after is not None:
        # kapj's own work per key, whatever else the machine is doing (it
        # includes the 200 ms idle wake-ups, so it is an upper bound).
        print(f"  kapj CPU time per key: {(cpu_after - cpu_before) * 1000 / a.keys:.2f} ms")
    print(f"  load average: {os.getloadavg()[0]:.1f}")
    print("  target: under 5 ms a key")


if __name__ == "__main__":
    main()
