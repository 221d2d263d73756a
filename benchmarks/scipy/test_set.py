"""The test set (benchmarks/problems/test-set.ts) with scipy.integrate.solve_ivp.

Usage:
  python3 test_set.py reference            -> writes ../reference/test-set-reference.json (Radau, rtol 1e-12;
                                              DOP853 rtol 1e-13 for the non-stiff problems; HEAT-N exact)
  python3 test_set.py time <problem> <rtol> <method> <min_seconds>
                                           -> one JSON line: CPU seconds per solve (time.process_time, repeated
                                              until min_seconds), nfev, status and the end state
Same equations, initial values, end times and atol as test-set.ts (scalar atol per problem).
"""
import json
import math
import os
import sys
import time

import numpy as np
from scipy.integrate import solve_ivp


def rober():
    def f(t, y):
        a = -0.04 * y[0] + 1e4 * y[1] * y[2]
        c = 3e7 * y[1] * y[1]
        return [a, -a - c, c]

    def jac(t, y):
        return np.array([[-0.04, 1e4 * y[2], 1e4 * y[1]],
                         [0.04, -1e4 * y[2] - 6e7 * y[1], -1e4 * y[1]],
                         [0, 6e7 * y[1], 0]])
    return dict(y0=[1, 0, 0], t1=1e11, atol=1e-10, f=f, jac=jac, stiff=True)


def hires():
    def f(t, y):
        r = 280 * y[5] * y[7]
        return [-1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007,
                1.71 * y[0] - 8.75 * y[1],
                -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4],
                8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3],
                -1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6],
                -r + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6],
                r - 1.81 * y[6],
                -r + 1.81 * y[6]]

    def jac(t, y):
        J = np.zeros((8, 8))
        J[0, 0:3] = [-1.71, 0.43, 8.32]
        J[1, 0:2] = [1.71, -8.75]
        J[2, 2:5] = [-10.03, 0.43, 0.035]
        J[3, 1:4] = [8.32, 1.71, -1.12]
        J[4, 4:7] = [-1.745, 0.43, 0.43]
        J[5, 3:8] = [0.69, 1.71, -280 * y[7] - 0.43, 0.69, -280 * y[5]]
        J[6, 5:8] = [280 * y[7], -1.81, 280 * y[5]]
        J[7, 5:8] = [-280 * y[7], 1.81, -280 * y[5]]
        return J
    return dict(y0=[1, 0, 0, 0, 0, 0, 0, 0.0057], t1=321.8122, atol=1e-10, f=f, jac=jac, stiff=True)


def vdpol(eps):
    def f(t, y):
        return [y[1], ((1 - y[0] ** 2) * y[1] - y[0]) / eps]

    def jac(t, y):
        return np.array([[0, 1], [(-2 * y[0] * y[1] - 1) / eps, (1 - y[0] ** 2) / eps]])
    return dict(y0=[2, 0], t1=2, atol=1e-9, f=f, jac=jac, stiff=True)


def orego():
    def f(t, y):
        return [77.27 * (y[1] + y[0] * (1 - 8.375e-6 * y[0] - y[1])),
                (y[2] - (1 + y[0]) * y[1]) / 77.27,
                0.161 * (y[0] - y[2])]

    def jac(t, y):
        return np.array([[77.27 * (1 - 2 * 8.375e-6 * y[0] - y[1]), 77.27 * (1 - y[0]), 0],
                         [-y[1] / 77.27, -(1 + y[0]) / 77.27, 1 / 77.27],
                         [0.161, 0, -0.161]])
    return dict(y0=[1, 2, 3], t1=360, atol=1e-9, f=f, jac=jac, stiff=True)


# POLLU (Verwer 1994; IVP test set): (rate constant, reactants, (species, net change) pairs), zero-based.
POLLU_REACTIONS = (
    (0.35, (0,), ((0, -1), (1, 1), (2, 1),)),
    (26.6, (1, 3), ((0, 1), (1, -1), (3, -1),)),
    (12300.0, (4, 1), ((0, 1), (1, -1), (4, -1), (5, 1),)),
    (0.00086, (6,), ((4, 2), (6, -1), (7, 1),)),
    (0.00082, (6,), ((6, -1), (7, 1),)),
    (15000.0, (6, 5), ((4, 1), (5, -1), (6, -1), (7, 1),)),
    (0.00013, (8,), ((4, 1), (7, 1), (8, -1), (9, 1),)),
    (24000.0, (8, 5), ((5, -1), (8, -1), (10, 1),)),
    (16500.0, (10, 1), ((0, 1), (1, -1), (9, 1), (10, -1), (11, 1),)),
    (9000.0, (10, 0), ((0, -1), (10, -1), (12, 1),)),
    (0.022, (12,), ((0, 1), (10, 1), (12, -1),)),
    (12000.0, (9, 1), ((0, 1), (1, -1), (9, -1), (13, 1),)),
    (1.88, (13,), ((4, 1), (6, 1), (13, -1),)),
    (16300.0, (0, 5), ((0, -1), (5, -1), (14, 1),)),
    (4800000.0, (2,), ((2, -1), (3, 1),)),
    (0.00035, (3,), ((3, -1), (15, 1),)),
    (0.0175, (3,), ((2, 1), (3, -1),)),
    (100000000.0, (15,), ((5, 2), (15, -1),)),
    (444000000000.0, (15,), ((2, 1), (15, -1),)),
    (1240.0, (16, 5), ((4, 1), (5, -1), (16, -1), (17, 1),)),
    (2.1, (18,), ((1, 1), (18, -1),)),
    (5.78, (18,), ((0, 1), (2, 1), (18, -1),)),
    (0.0474, (0, 3), ((0, -1), (3, -1), (18, 1),)),
    (1780.0, (18, 0), ((0, -1), (18, -1), (19, 1),)),
    (3.12, (19,), ((0, 1), (18, 1), (19, -1),)),
)


def pollu():
    def f(t, y):
        out = np.zeros(20)
        for k, re, st in POLLU_REACTIONS:
            r = k * y[re[0]] * (y[re[1]] if len(re) == 2 else 1.0)
            for s, c in st:
                out[s] += c * r
        return out

    def jac(t, y):
        J = np.zeros((20, 20))
        for k, re, st in POLLU_REACTIONS:
            for q, col in enumerate(re):
                d = k * (y[re[1 - q]] if len(re) == 2 else 1.0)
                for s, c in st:
                    J[s, col] += c * d
        return J
    y0 = [0, 0.2, 0, 0.04, 0, 0, 0.1, 0.3, 0.01, 0, 0, 0, 0, 0, 0, 0, 0.007, 0, 0, 0]
    return dict(y0=y0, t1=60, atol=1e-10, f=f, jac=jac, stiff=True)


def heat(N):
    c = (N + 1) ** 2
    x = np.arange(1, N + 1) / (N + 1)
    y0 = np.sin(np.pi * x) + 0.5 * np.sin(3 * np.pi * x)
    A = c * (np.diag(-2 * np.ones(N)) + np.diag(np.ones(N - 1), 1) + np.diag(np.ones(N - 1), -1))

    def f(t, y):
        out = -2 * y
        out[1:] += y[:-1]
        out[:-1] += y[1:]
        return c * out

    def exact(t):
        lam = lambda k: 4 * c * math.sin(k * math.pi / (2 * (N + 1))) ** 2
        return math.exp(-lam(1) * t) * np.sin(np.pi * x) + 0.5 * math.exp(-lam(3) * t) * np.sin(3 * np.pi * x)
    return dict(y0=list(y0), t1=0.1, atol=1e-9, f=f, jac=lambda t, y: A, stiff=True, exact=exact)


def bruss(N):
    a = (N + 1) ** 2 / 50.0
    i = np.arange(1, N + 1)
    y0 = np.empty(2 * N)
    y0[0::2] = 1 + np.sin(2 * np.pi * i / (N + 1))
    y0[1::2] = 3

    def f(t, y):
        u = y[0::2]
        v = y[1::2]
        up = np.concatenate(([1.0], u, [1.0]))
        vp = np.concatenate(([3.0], v, [3.0]))
        out = np.empty(2 * N)
        out[0::2] = 1 + u * u * v - 4 * u + a * (up[:-2] - 2 * u + up[2:])
        out[1::2] = 3 * u - u * u * v + a * (vp[:-2] - 2 * v + vp[2:])
        return out

    def jac(t, y):
        u = y[0::2]
        v = y[1::2]
        n = 2 * N
        J = np.zeros((n, n))
        k = np.arange(N)
        J[2 * k, 2 * k] = 2 * u * v - 4 - 2 * a
        J[2 * k, 2 * k + 1] = u * u
        J[2 * k + 1, 2 * k] = 3 - 2 * u * v
        J[2 * k + 1, 2 * k + 1] = -u * u - 2 * a
        k1 = np.arange(1, N)
        J[2 * k1, 2 * k1 - 2] = a
        J[2 * k1 + 1, 2 * k1 - 1] = a
        k2 = np.arange(N - 1)
        J[2 * k2, 2 * k2 + 2] = a
        J[2 * k2 + 1, 2 * k2 + 3] = a
        return J
    return dict(y0=list(y0), t1=10, atol=1e-9, f=f, jac=jac, stiff=True)


def bruss2d(N):
    """BRUSS-2D on an N x N grid with no-flux boundaries (benchmarks/problems/bruss2d.ts), state interleaved by cell."""
    from scipy.sparse import csr_matrix
    n = 2 * N * N
    a = 0.1 * N * N
    c = np.arange(N * N)
    i, j = c % N, c // N
    x, yy = (i + 0.5) / N, (j + 0.5) / N
    disc = ((x - 0.3) ** 2 + (yy - 0.6) ** 2 <= 0.01).astype(float)
    y0 = np.empty(n)
    y0[0::2] = 22 * yy * (1 - yy) ** 1.5
    y0[1::2] = 27 * x * (1 - x) ** 1.5
    nbs = [np.where(i > 0, c - 1, c), np.where(i < N - 1, c + 1, c), np.where(j > 0, c - N, c), np.where(j < N - 1, c + N, c)]

    def f(t, y):
        u, v = y[0::2], y[1::2]
        lu = sum(u[m] for m in nbs) - 4 * u
        lv = sum(v[m] for m in nbs) - 4 * v
        out = np.empty(n)
        out[0::2] = 1 + u * u * v - 4.4 * u + a * lu + (5.0 if t >= 1.1 else 0.0) * disc
        out[1::2] = 3.4 * u - u * u * v + a * lv
        return out

    def jac(t, y):
        u, v = y[0::2], y[1::2]
        iu, iv = 2 * c, 2 * c + 1
        rows = [iu, iu, iv, iv]
        cols = [iu, iv, iu, iv]
        vals = [2 * u * v - 4.4 - 4 * a, u * u, 3.4 - 2 * u * v, -u * u - 4 * a]
        for m in nbs:
            rows += [iu, iv]
            cols += [2 * m, 2 * m + 1]
            vals += [np.full(N * N, a), np.full(N * N, a)]
        return csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n))
    # The forcing switches on at t = 1.1: the reference integrates [0, 1.1] and [1.1, t1] separately.
    return dict(y0=list(y0), t1=11.5, atol=1e-9, f=f, jac=jac, stiff=True, breaks=[1.1])


def arenstorf():
    mu = 0.012277471
    m = 1 - mu

    def f(t, y):
        d1 = ((y[0] + mu) ** 2 + y[1] ** 2) ** 1.5
        d2 = ((y[0] - m) ** 2 + y[1] ** 2) ** 1.5
        return [y[2], y[3],
                y[0] + 2 * y[3] - m * (y[0] + mu) / d1 - mu * (y[0] - m) / d2,
                y[1] - 2 * y[2] - m * y[1] / d1 - mu * y[1] / d2]
    return dict(y0=[0.994, 0, 0, -2.00158510637908252240537862224], t1=17.0652165601579625588917206249,
                atol=1e-9, f=f, jac=None, stiff=False)


def pleiades():
    mass = np.arange(1, 8, dtype=float)

    def f(t, q):
        x = q[0:7]
        y = q[7:14]
        dx = x[None, :] - x[:, None]
        dy = y[None, :] - y[:, None]
        r2 = dx * dx + dy * dy
        np.fill_diagonal(r2, 1.0)
        w = mass[None, :] / (r2 * np.sqrt(r2))
        np.fill_diagonal(w, 0.0)
        return np.concatenate((q[14:28], (w * dx).sum(axis=1), (w * dy).sum(axis=1)))
    y0 = [3, 3, -1, -3, 2, -2, 2, 3, -3, 2, 0, 0, -4, 4, 0, 0, 0, 0, 0, 1.75, -1.5, 0, 0, 0, -1.25, 1, 0, 0]
    return dict(y0=y0, t1=3, atol=1e-9, f=f, jac=None, stiff=False)


PROBLEMS = {
    'ROBER': rober, 'HIRES': hires, 'VDPOL-1e3': lambda: vdpol(1e-6), 'VDPOL-1e6': lambda: vdpol(1e-12),
    'OREGO': orego, 'POLLU': pollu, 'ARENSTORF': arenstorf, 'PLEIADES': pleiades,
    **{f'HEAT-{N}': (lambda N=N: heat(N)) for N in (50, 100, 200, 400)},
    **{f'BRUSS-{N}': (lambda N=N: bruss(N)) for N in (50, 100, 200)},
    **{f'BRUSS2D-{N}': (lambda N=N: bruss2d(N)) for N in (8, 16, 24)},
}


def solve(p, method, rtol, atol, pieces=False):
    """One solve over [0, t1]; with pieces=True, restarted at each of p['breaks'] (a jump in f), nfev summed."""
    kw = dict(method=method, rtol=rtol, atol=atol)
    if p['jac'] is not None and method in ('BDF', 'Radau', 'LSODA'):
        kw['jac'] = p['jac']
    edges = [0] + (p.get('breaks', []) if pieces else []) + [p['t1']]
    y = np.array(p['y0'], dtype=float)
    nfev = 0
    for a, b in zip(edges[:-1], edges[1:]):
        r = solve_ivp(p['f'], (a, b), y, **kw)
        nfev += r.nfev
        if r.status != 0:
            break
        y = r.y[:, -1]
    r.nfev = nfev
    return r


def reference(only=None):
    """Write the references; with problem names, recompute only those and keep the others in the file."""
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, '..', 'reference', 'test-set-reference.json')
    out = {}
    if only and os.path.exists(path):
        with open(path) as fh:
            out = json.load(fh)
    for name, make in PROBLEMS.items():
        if only and name not in only:
            continue
        p = make()
        if 'exact' in p:
            y = list(map(float, p['exact'](p['t1'])))
            how = 'exact solution of the semi-discrete system'
        else:
            method, rtol = ('Radau', 1e-12) if p['stiff'] else ('DOP853', 1e-13)
            atol = 1e-14 if name != 'ROBER' else 1e-20
            t0 = time.time()
            r = solve(p, method, rtol, atol, pieces=True)
            while r.status != 0 and rtol < 1e-9:
                # VDPOL-1e6: Radau's step size underflows at rtol 1e-12; loosen by 10 until it does not.
                rtol, atol = rtol * 10, atol * 10
                r = solve(p, method, rtol, atol, pieces=True)
            assert r.status == 0, (name, r.message)
            y = [float(v) for v in r.y[:, -1]]
            how = f'scipy {method} rtol {rtol:g} atol {atol:g} ({r.nfev} evaluations, {time.time() - t0:.1f} s)'
            if p.get('breaks'):
                how += f', restarted at t = {p["breaks"]} (jump in f), sparse analytic Jacobian'
        out[name] = {'t1': p['t1'], 'y0': [float(v) for v in p['y0']], 'y_end': y, 'computed_with': how}
        print(name, how, file=sys.stderr, flush=True)
    with open(path, 'w') as fh:
        json.dump(out, fh, indent=1)


def timed(name, rtol, method, min_seconds):
    p = PROBLEMS[name]()
    r = solve(p, method, rtol, p['atol'])
    runs = 0
    t0 = time.process_time()
    while True:
        solve(p, method, rtol, p['atol'])
        runs += 1
        el = time.process_time() - t0
        if el >= min_seconds or runs >= 200:
            break
    print(json.dumps({'problem': name, 'method': method, 'rtol': rtol, 'cpu_s': el / runs, 'runs': runs,
                      'nfev': int(r.nfev), 'status': int(r.status), 'y_end': [float(v) for v in r.y[:, -1]],
                      'scipy_version': __import__('scipy').__version__}))


if __name__ == '__main__':
    if sys.argv[1] == 'reference':
        reference(sys.argv[2:] or None)
    else:
        timed(sys.argv[2], float(sys.argv[3]), sys.argv[4], float(sys.argv[5]))
