"""Running one command: wall time, or peak resident memory, with a time limit.

Wall time: perf_counter around spawn and wait4(2), nothing in between.

Peak memory is measured in separate runs, through GNU time (`/usr/bin/time -f
%M`, the "Maximum resident set size" of `time -v`). It cannot come from the
timed runs: Linux carries the parent's memory high-water mark into the child
across fork/vfork + exec, so every child of this Python process would report
at least this process's ~50 MB. GNU time is a small C program, so its child
starts near 1 MB. Without GNU time (`apt-get install -y time`), a minimal
`python3 -S` launcher does the same job, and the numbers are upper bounds that
include that launcher's ~8 MB (the `true` row shows the floor).
"""

import os
import shutil
import sys
import tempfile
import signal
import subprocess
import threading
import time


def _exit_code(status):
    if hasattr(os, "waitstatus_to_exitcode"):
        return os.waitstatus_to_exitcode(status)
    if os.WIFSIGNALED(status):
        return -os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


class Result:
    __slots__ = ("ms", "rss_kb", "code", "timed_out", "stderr", "stdout_bytes", "cpu_ms")

    def __init__(self, ms, rss_kb, code, timed_out, stderr, stdout_bytes, cpu_ms=0.0):
        self.ms = ms
        # User + system time of the process and its threads (and of any
        # children it waited for): what a run costs whatever else the
        # machine is doing.
        self.cpu_ms = cpu_ms
        self.rss_kb = rss_kb
        self.code = code
        self.timed_out = timed_out
        self.stderr = stderr
        self.stdout_bytes = stdout_bytes

    @property
    def ok(self):
        return self.code == 0 and not self.timed_out


def run(argv, env, timeout, stdin_path=None, stdout_path=None, stderr_path=None, cwd=None):
    """Runs argv once; stdout goes to stdout_path (or /dev/null)."""
    stdin = open(stdin_path, "rb") if stdin_path else open(os.devnull, "rb")
    stdout = open(stdout_path or os.devnull, "wb")
    errp = stderr_path or os.devnull
    stderr = open(errp, "wb")
    timed_out = [False]
    try:
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, env=env, stdin=stdin, stdout=stdout, stderr=stderr,
                             cwd=cwd, start_new_session=True)

        def kill():
            timed_out[0] = True
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except OSError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.daemon = True
        timer.start()
        try:
            while True:
                try:
                    _, status, ru = os.wait4(p.pid, 0)
                    break
                except InterruptedError:
                    continue
        finally:
            t1 = time.perf_counter()
            timer.cancel()
        p.returncode = _exit_code(status)
    finally:
        stdin.close()
        stdout.close()
        stderr.close()
    err = ""
    if stderr_path:
        with open(stderr_path, "rb") as f:
            err = f.read(4000).decode("utf-8", "replace")
    out_bytes = os.path.getsize(stdout_path) if stdout_path else 0
    return Result((t1 - t0) * 1000.0, ru.ru_maxrss, p.returncode, timed_out[0], err, out_bytes,
                  (ru.ru_utime + ru.ru_stime) * 1000.0)


_LAUNCHER = (
    "import os,sys\n"
    "pid=os.posix_spawnp(sys.argv[2],sys.argv[2:],os.environ)\n"
    "_,st,ru=os.wait4(pid,0)\n"
    "open(sys.argv[1],'w').write(str(ru.ru_maxrss))\n"
    "sys.exit(os.WEXITSTATUS(st) if os.WIFEXITED(st) else 1)\n"
)


def find_gnu_time():
    for cand in ("/usr/bin/time", shutil.which("gtime"), shutil.which("time")):
        if not cand or not os.access(cand, os.X_OK):
            continue
        try:
            r = subprocess.run([cand, "--version"], capture_output=True, text=True, timeout=10,
                               stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if "GNU" in (r.stdout + r.stderr):
            return cand
    return None


class PeakMeter:
    """Runs a command once and returns its peak RSS in KiB (None on failure)."""

    def __init__(self, python=None):
        self.gnu_time = find_gnu_time()
        self.python = python or sys.executable
        self.how = ("GNU time (%M)" if self.gnu_time
                    else "python3 -S launcher (upper bound: includes about 8 MB of launcher)")

    def measure(self, argv, env, timeout, stdin_path=None, stdout_path=None, stderr_path=None):
        """Returns (Result of the wrapped run, peak RSS in KiB or None)."""
        fd, path = tempfile.mkstemp(prefix="kapj-bench-rss-")
        os.close(fd)
        try:
            if self.gnu_time:
                wrapped = [self.gnu_time, "-f", "%M", "-o", path, "--"] + list(argv)
            else:
                wrapped = [self.python, "-S", "-E", "-c", _LAUNCHER, path] + list(argv)
            r = run(wrapped, env, timeout, stdin_path=stdin_path, stdout_path=stdout_path,
                    stderr_path=stderr_path)
            if not r.ok:
                return r, None
            with open(path) as f:
                txt = f.read().strip().splitlines()
            return r, (int(txt[-1]) if txt else None)
        except (OSError, ValueError):
            return r, None
        finally:
            os.unlink(path)
