"""Python client of the hotcarrier engine: hot-carrier cooling in perovskite nanocrystals and films.

    import hotcarrier
    r = hotcarrier.simulate(composition="CsPbI3", edge_nm=8, n_per_nc=0.1)
    r.t_ps, r.tc_k, r.metrics["tau1ePs"], r.provenance["inputHash"]

All calls go to one long-lived `hotcarrier batch` process (started on first use, ended at exit or by close())."""

from ._api import Result, cli, fit, simulate, simulate_many, sweep, validate, version
from ._client import Client, close
from ._errors import HotcarrierError, InputError, SolverError

__version__ = "0.1.0"
__all__ = ["simulate", "simulate_many", "sweep", "fit", "validate", "cli", "version", "close", "Client", "Result",
           "HotcarrierError", "InputError", "SolverError"]
