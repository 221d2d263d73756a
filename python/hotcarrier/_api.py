"""simulate, sweep, fit and friends over the shared batch process; Python names mapped to the engine's keys."""

import re

from ._client import default_client
from ._errors import InputError

try:  # numpy is optional: arrays when it is there, lists otherwise
    import numpy as _np
except ImportError:  # pragma: no cover - exercised where numpy is absent
    _np = None

_OTHER_KEYS = ("composition", "edgeNm", "acceptor", "augerStatistics", "loPool", "method", "switches", "materialOverrides")


def _norm(name):
    return re.sub(r"[_\-.]", "", name).lower()


class Result(dict):
    """A dict whose keys are also attributes (r.tc_k, r["tc_k"])."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def _array(values):
    if values is None:
        return None
    if not isinstance(values, list):  # already decoded from base64 (numpy array or array('d'))
        return values
    if _np is not None:
        return _np.array([float("nan") if v is None else v for v in values], dtype=float)
    return [float("nan") if v is None else float(v) for v in values]


class _Names:
    """Python spellings (edge_nm, n_per_nc, fluence_uj_cm2, lo_lifetime_ps, also the CLI's flags) → engine keys."""

    def __init__(self, declared):
        self.params = {_norm(p["key"]): p["key"] for p in declared["params"]}
        self.params.update({_norm(p["flag"]): p["key"] for p in declared["params"]})
        self.params.update({_norm(k): k for k in _OTHER_KEYS})
        self.materials = {_norm(m["key"]): m["key"] for m in declared["materials"]}
        self.allowed = sorted(set(self.params.values())) + ["bulk", "material"]
        self.material_keys = [m["key"] for m in declared["materials"]]
        # the CLI's defaults: a nanocrystal of the declared default edge
        self.default_edge = next(p["default"] for p in declared["params"] if p["key"] == "edgeNm")

    def input(self, kwargs):
        out = {}
        overrides = {}
        for name, value in kwargs.items():
            if value is None and name != "edge_nm":
                continue
            n = _norm(name)
            if n == "bulk":
                if value:
                    out["edgeNm"] = None
            elif n == "material":
                for k, v in dict(value).items():
                    overrides[self.material(k)] = v
            elif n in self.params:
                out[self.params[n]] = _plain(value)
            elif n in self.materials:
                overrides[self.materials[n]] = _plain(value)
            else:
                raise InputError("%s is not a parameter; allowed: %s, or a material field (%s)" % (
                    name, ", ".join(self.allowed), ", ".join(self.material_keys)), kind="usage", exit=2)
        if overrides:
            out["materialOverrides"] = dict(out.get("materialOverrides") or {}, **overrides)
        out.setdefault("composition", "CsPbI3")
        out.setdefault("edgeNm", self.default_edge)
        return out

    def material(self, name):
        n = _norm(name)
        if n not in self.materials:
            raise InputError("material %s is unknown; allowed: %s" % (name, ", ".join(self.material_keys)), kind="usage", exit=2)
        return self.materials[n]

    def axis(self, name):
        """A sweep axis key: an input key, or materialOverrides.KEY for a material field (material.KEY also)."""
        n = _norm(name)
        if n.startswith("material") and n[len("material"):] in self.materials:
            return "materialOverrides." + self.materials[n[len("material"):]]
        if n in self.params:
            return self.params[n]
        if n in self.materials:
            return "materialOverrides." + self.materials[n]
        raise InputError("sweep axis %s is not a parameter; allowed: %s, or a material field (%s)" % (
            name, ", ".join(self.allowed), ", ".join(self.material_keys)), kind="usage", exit=2)


def _plain(v):
    """numpy scalars and arrays → Python numbers and lists, for JSON."""
    if hasattr(v, "tolist"):
        return v.tolist()
    return v


_names = None


def _declared():
    global _names
    client = default_client()
    if _names is None or getattr(_names, "_client", None) is not client:
        _names = _Names(client.request("params"))
        _names._client = client
    return _names


def _simulation(raw):
    cols = raw.get("columns", {})
    out = Result({k: _array(v) for k, v in cols.items()})
    for k in ("input", "derived", "material", "metrics", "extraction", "solver", "provenance"):
        out[k] = Result(raw[k]) if isinstance(raw.get(k), dict) else raw.get(k)
    out["ledger_max_rel_error"] = raw.get("ledgerMaxRelError")
    # published measurements the model disagrees with in this run's regime ([] from engines older than the field)
    out["known_disagreements"] = [Result(n) for n in raw.get("knownDisagreements") or []]
    return out


def simulate(**params):
    """One simulation. Keywords: composition='CsPbI3', edge_nm=8 (or bulk=True), n_per_nc / density_cm3 /
    fluence_uj_cm2, pump_nm, lattice_k, …, material={'loLifetimePs': 0.3} (or lo_lifetime_ps=0.3).

    Returns a Result (a dict with attribute access): arrays t_ps, tc_k (for NCs with Poisson statistics the
    transient-absorption tail fit of the two carrier classes), tc_mean_k, tc_single_k / tc_multi_k / multi_share
    (None for films), tc_electron_k / tc_hole_k (the electrons' and holes' own temperatures; per class
    tc_single_electron_k … tc_multi_hole_k, None for films), t_lo_k, t_a_k, n_cm3 and the energy ledger e_*_ev_cm3; metrics, derived, material, solver, provenance (version, commit, input hash);
    known_disagreements: the validation entries (published measurements) the model disagrees with in this run's regime,
    each with id, title, doi, quantity, unit, published, relation, model, ratio, band, pointsAt and regime."""
    names = _declared()
    return _simulation(default_client().request("simulate", input=names.input(params)))


def simulate_many(inputs):
    """Many simulations at once on all workers: `inputs` is a list of keyword dicts as for simulate()."""
    names = _declared()
    raws = default_client().request_many([{"op": "simulate", "input": names.input(p)} for p in inputs])
    return [_simulation(r) for r in raws]


def sweep(vary=None, points=None, **base):
    """A grid (vary={'density': [1e16, 1e18], 'edge_nm': [5, 8]}) or a list design (points=[{'n_per_nc': 0.1,
    'lo_lifetime_ps': 0.3}, …]) around the base keywords. Returns a Result: columns (arrays per metric: tau1ePs,
    peakTcK, …, status), axes or design, count, errors (index → message), provenance."""
    names = _declared()
    spec = {"base": names.input(base), "axes": []}
    if (vary is None) == (points is None):
        raise InputError("sweep needs exactly one of vary={name: values} or points=[{name: value}, …]", kind="usage", exit=2)
    if vary is not None:
        spec["axes"] = [{"key": names.axis(k), "values": [_plain(x) for x in _plain(v)]} for k, v in vary.items()]
    else:
        spec["design"] = [{names.axis(k): _plain(v) for k, v in p.items()} for p in points]
    raw = default_client().request("sweep", spec=spec)
    out = Result(raw)
    out["columns"] = Result({k: _array(v) for k, v in raw["columns"].items()})
    return out


def fit(data, free, starts=None, max_simulations=None, **base):
    """Fit 1–4 parameters to measured carrier temperatures. data: a CSV path, (t_ps, tc_k[, sigma_k]) or a dict with
    those keys; free: ['n-per-nc', 'loLifetimePs:0.2:3', …] as for the CLI's --free. Returns the fit as a Result
    (parameters with value and sigma, rmsK, chi2PerDof, status, curve, provenance)."""
    names = _declared()
    request = {"input": names.input(base), "free": list(free)}
    if isinstance(data, str):
        request["data_file"] = data
    elif isinstance(data, dict):
        request["data"] = {k: _plain(v) for k, v in data.items()}
    else:
        cols = [_plain(c) for c in data]
        request["data"] = dict(zip(("t_ps", "tc_k", "sigma_k"), cols))
    options = {}
    if starts is not None:
        options["starts"] = starts
    if max_simulations is not None:
        options["maxSimulations"] = max_simulations
    if options:
        request["options"] = options
    raw = default_client().request("fit", **request)
    out = Result(raw)
    out["parameters"] = [Result(p) for p in raw.get("parameters", [])]
    return out


def validate(*args):
    """`hotcarrier validate --json [args]` through the batch process (where that command exists)."""
    return default_client().request("validate", args=list(args))


def cli(*args):
    """Any one-shot CLI command (e.g. cli('trends', '--json')): {'exit', 'output' (parsed when JSON), 'stderr'}."""
    return default_client().request("cli", args=list(args))


def version():
    """{'version': …, 'commit': …} of the engine behind the batch process."""
    return default_client().request("version")
