"""Errors of the client: the batch reply's kind, message and the exit status the CLI would give."""


class HotcarrierError(Exception):
    """A request failed; `kind` is usage, input, solver, protocol, process, setup or error; `exit` the CLI's status."""

    def __init__(self, message, kind="error", exit=1):
        super().__init__(message)
        self.kind = kind
        self.exit = exit


class InputError(HotcarrierError, ValueError):
    """Bad input (CLI exit 2): the message names the parameter, the value and what is allowed."""


class SolverError(HotcarrierError, RuntimeError):
    """The solver failed for an input that was allowed (CLI exit 1)."""


def error_from_reply(error):
    kind = error.get("kind", "error")
    cls = InputError if kind in ("usage", "input", "protocol") else SolverError if kind == "solver" else HotcarrierError
    return cls(error.get("message", "unknown error"), kind=kind, exit=error.get("exit"))
