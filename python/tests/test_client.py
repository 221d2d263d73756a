"""The Python client against a real `hotcarrier batch` process (this checkout's CLI unless HOTCARRIER_BIN is set)."""

import math
import os

import pytest

import hotcarrier

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))


@pytest.fixture(scope="module", autouse=True)
def batch_process():
    yield
    hotcarrier.close()


def test_simulate_returns_arrays_and_metadata():
    r = hotcarrier.simulate(composition="CsPbI3", edge_nm=8, n_per_nc=0.1, n_points=50)
    assert len(r.t_ps) == len(r.tc_k) == 50
    assert all(math.isfinite(x) for x in r.tc_k)
    assert max(r.tc_k) > 1000  # a hot transient, not a flat line
    assert r.t_ps[0] < r.t_ps[-1]
    assert r.metrics["tau1ePs"] > 0
    assert r.provenance["version"] == hotcarrier.__version__
    assert r.provenance["inputHash"].startswith("sha256:")
    assert r["tc_k"] is r.tc_k


def test_known_disagreements_come_with_a_run_in_a_disagreeing_regime():
    # a MAPbBr3 NC at low <N>: the regime of the Li 2017 NC-vs-film entries; a CsPbI3 NC at 8 nm is in none
    inside = hotcarrier.simulate(composition="MAPbBr3", edge_nm=10, n_per_nc=0.1, pump_nm=400, n_points=50)
    ids = [n.id for n in inside.known_disagreements]
    assert "li2017-mapbbr3-nc-vs-film-cooling-time" in ids
    note = inside.known_disagreements[ids.index("li2017-mapbbr3-nc-vs-film-cooling-time")]
    assert note.doi == "10.1038/ncomms14350" and note.pointsAt
    assert note.ratio == pytest.approx(note.model / note.published, rel=1e-3)
    outside = hotcarrier.simulate(composition="MAPbBr3", edge_nm=10, n_per_nc=2, pump_nm=400, n_points=50)
    assert outside.known_disagreements == []


def test_python_names_and_material_fields_reach_the_engine():
    a = hotcarrier.simulate(composition="CsPbI3", edge_nm=8, n_per_nc=0.1, lo_lifetime_ps=0.3, n_points=20)
    b = hotcarrier.simulate(composition="CsPbI3", edge_nm=8, n_per_nc=0.1, material={"loLifetimePs": 3}, n_points=20)
    assert a.input["materialOverrides"] == {"loLifetimePs": 0.3}
    assert a.input["nPerNc"] == 0.1
    # a longer LO-phonon lifetime keeps the phonons hot longer: slower cooling (the hot-phonon bottleneck)
    assert b.metrics["tau1ePs"] > a.metrics["tau1ePs"]
    film = hotcarrier.simulate(composition="MAPbI3", bulk=True, density_cm3=1e18, n_points=20)
    assert film.input["edgeNm"] is None
    # the model choices reach it too: the LO population resolved in wavevector weakens the dense film's bottleneck
    dense = dict(composition="MAPbI3", bulk=True, density_cm3=1e19, n_points=40)
    one = hotcarrier.simulate(**dense)
    resolved = hotcarrier.simulate(lo_pool="resolved", **dense)
    assert resolved.input["loPool"] == "resolved"
    assert resolved.metrics["tau1ePs"] < one.metrics["tau1ePs"] / 3


def test_bad_input_raises_with_the_cli_message_and_the_process_survives():
    with pytest.raises(hotcarrier.InputError) as bad:
        hotcarrier.simulate(composition="CsPbI3", edge_nm=80)
    assert "edgeNm (--edge-nm) = 80 nm" in str(bad.value) and "allowed" in str(bad.value)
    assert bad.value.exit == 2
    with pytest.raises(hotcarrier.InputError, match="loLifetimePs"):
        hotcarrier.simulate(lo_lifetime_ps=1e6)
    with pytest.raises(hotcarrier.InputError, match="colour is not a parameter"):
        hotcarrier.simulate(colour=3)
    assert len(hotcarrier.simulate(n_points=10).tc_k) == 10  # still alive


def test_sweep_grid_matches_single_simulations():
    s = hotcarrier.sweep(vary={"density": [1e16, 1e18], "material.loLifetimePs": [0.3, 0.6]}, composition="CsPbI3", edge_nm=8)
    assert s.count == 4 and len(s.columns["tau1ePs"]) == 4
    one = hotcarrier.simulate(composition="CsPbI3", edge_nm=8, density_cm3=1e18, lo_lifetime_ps=0.6)
    assert s.columns["tau1ePs"][3] == pytest.approx(one.metrics["tau1ePs"], rel=1e-9)
    design = hotcarrier.sweep(points=[{"n_per_nc": 0.1}, {"n_per_nc": 2, "lo_lifetime_ps": 1.0}], edge_nm=6)
    assert design.count == 2 and all(st == 0 for st in design.columns["status"])


def test_fit_recovers_a_known_lifetime():
    truth = hotcarrier.simulate(composition="CsPbI3", edge_nm=8, n_per_nc=0.1, lo_lifetime_ps=0.9, n_points=60)
    pick = list(range(5, 45, 5))
    f = hotcarrier.fit(([truth.t_ps[k] for k in pick], [truth.tc_k[k] for k in pick]), free=["loLifetimePs"],
                       composition="CsPbI3", edge_nm=8, n_per_nc=0.1)
    assert f.parameters[0].value == pytest.approx(0.9, rel=0.05)


def test_simulate_many_runs_in_parallel_and_keeps_order():
    rs = hotcarrier.simulate_many([{"n_per_nc": x, "n_points": 20} for x in (0.05, 0.5, 2.0)])
    assert [r.input["nPerNc"] for r in rs] == [0.05, 0.5, 2.0]


def test_cli_commands_and_version_through_the_batch_process():
    v = hotcarrier.version()
    assert v["version"] == hotcarrier.__version__
    t = hotcarrier.cli("trends", "--composition", "CsPbI3", "--edge-nm", "8", "--json")
    assert t["exit"] in (0, 1) and len(t["output"]) >= 13
