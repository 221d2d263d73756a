"""One `hotcarrier batch` process, driven over JSON lines: requests with an id on its stdin, replies on its stdout."""

import atexit
import base64
import itertools
import json
import os
import shlex
import shutil
import subprocess
import tempfile
import sys
import threading
from array import array

from ._errors import error_from_reply, HotcarrierError


def _find_command():
    """The command that starts the CLI: $HOTCARRIER_BIN, `hotcarrier` on PATH, or this checkout's bin/hotcarrier.mjs."""
    given = os.environ.get("HOTCARRIER_BIN") or os.environ.get("HOTCARRIER_CLI")
    if given:
        return shlex.split(given)
    on_path = shutil.which("hotcarrier")
    if on_path:
        return [on_path]
    here = os.path.dirname(os.path.abspath(__file__))
    for up in (os.path.join(here, "..", ".."), os.path.join(here, "..", "..", "..")):
        script = os.path.normpath(os.path.join(up, "bin", "hotcarrier.mjs"))
        if os.path.isfile(script):
            node = shutil.which("node")
            if node:
                return [node, script]
    raise HotcarrierError(
        "cannot find the hotcarrier command: set HOTCARRIER_BIN (e.g. 'node /path/to/bin/hotcarrier.mjs') "
        "or put hotcarrier on PATH (npm install -g <the package>)", kind="setup", exit=None)


try:
    import numpy as _np
except ImportError:  # pragma: no cover - where numpy is absent
    _np = None


def _decode_arrays(obj):
    """json object_hook: {"$f64": base64 of little-endian float64 bytes} → a numpy array (or an array('d'))."""
    if len(obj) == 1 and "$f64" in obj:
        raw = base64.b64decode(obj["$f64"])
        if _np is not None:
            return _np.frombuffer(raw, dtype="<f8").astype(float)
        values = array("d")
        values.frombytes(raw)
        if sys.byteorder == "big":
            values.byteswap()
        return values
    return obj


class Client:
    """A `hotcarrier batch` process. Thread-safe; replies are matched to requests by id."""

    def __init__(self, command=None, workers=None):
        argv = list(command) if command else _find_command()
        argv.append("batch")
        if workers is not None:
            argv += ["--workers", str(int(workers))]
        self._stderr = tempfile.TemporaryFile(mode="w+b")
        self._proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr)
        self._ids = itertools.count(1)
        self._write_lock = threading.Lock()
        self._read_lock = threading.Lock()
        self._replies = {}

    def _send(self, request):
        rid = next(self._ids)
        line = json.dumps(dict(request, id=rid), separators=(",", ":"), allow_nan=False) + "\n"
        with self._write_lock:
            try:
                self._proc.stdin.write(line.encode("utf-8"))
                self._proc.stdin.flush()
            except (BrokenPipeError, OSError):
                self._died()
        return rid

    def _died(self):
        self._proc.poll()
        self._stderr.seek(0)
        tail = self._stderr.read().decode("utf-8", "replace").strip().splitlines()[-5:]
        raise HotcarrierError("the hotcarrier batch process ended (exit %s)%s" % (
            self._proc.returncode, (": " + " | ".join(tail)) if tail else ""), kind="process", exit=self._proc.returncode)

    def _receive(self, rid):
        while True:
            with self._read_lock:
                if rid in self._replies:
                    return self._replies.pop(rid)
                raw = self._proc.stdout.readline()
                if not raw:
                    self._died()
                reply = json.loads(raw, object_hook=_decode_arrays)
                if reply.get("id") == rid:
                    return reply
                self._replies[reply.get("id")] = reply

    def request(self, op, **fields):
        """Send one request and wait for its reply's result; raises the matching HotcarrierError on an error reply."""
        return self._unwrap(self._receive(self._send(dict(fields, op=op, arrays="base64"))))

    def request_many(self, requests):
        """Send all requests at once (the pool works on them in parallel), then return their results in order."""
        ids = [self._send(dict(r, arrays="base64")) for r in requests]
        return [self._unwrap(self._receive(i)) for i in ids]

    @staticmethod
    def _unwrap(reply):
        if reply.get("ok"):
            return reply.get("result")
        raise error_from_reply(reply.get("error") or {})

    def close(self):
        """End the batch process (closing its stdin lets it finish what it has and exit)."""
        proc = self._proc
        if proc.poll() is None:
            try:
                proc.stdin.close()
            except OSError:
                pass
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self._stderr.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


_default = None
_default_lock = threading.Lock()


def default_client():
    """The module's shared client, started on first use and closed at exit."""
    global _default
    with _default_lock:
        if _default is None or _default._proc.poll() is not None:
            _default = Client()
            atexit.register(_default.close)
        return _default


def close():
    """End the shared batch process (a later call starts a new one)."""
    global _default
    with _default_lock:
        if _default is not None:
            _default.close()
            _default = None
