"""HC-4 with scipy.integrate.solve_ivp (LSODA, BDF, Radau): prints one JSON line per method.

Usage: python3 hc4_scipy.py <rtol> <repeats> <count> [methods, comma-separated]
Times the standard sweep (`count` densities log-spaced 1e16..1e20, README tolerances, analytic
Jacobian, output at the 9 reference times via t_eval) inside Python: median over `repeats` of the
sweep time divided by `count`. max_rel_err is measured against hc4_reference.json.
"""
import json
import math
import os
import sys
import time

import numpy as np
from scipy.integrate import solve_ivp

KB = 8.617333262e-5
HW, TAU_EP, NPH, TAU_LA = 0.0165, 0.03, 5e18, 0.6
CA, TAU_CA, TAU_ENV = 9.36e18, 20.0, 200.0
K1, K2, K3, EG, EEX, T0 = 1e-3, 1e-22, 2e-41, 1.6, 0.5, 300.0
TIMES = [0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000]


def rhs(t, y):
    n, tc, N, ta = y
    p = (HW / TAU_EP) * ((N + 1) * math.exp(-HW / (KB * tc)) - N)
    neq_a = 1 / math.expm1(HW / (KB * ta))
    return [
        -(K1 * n + K2 * n * n + K3 * n * n * n),
        (K3 * n * n * (EG + 3 * KB * tc) - p) / (3 * KB) - (tc - ta) / TAU_CA,
        n * p / (NPH * HW) - (N - neq_a) / TAU_LA,
        (NPH * HW * (N - neq_a) / TAU_LA + 3 * KB * n * (tc - ta) / TAU_CA + K1 * n * EG - CA * (ta - T0) / TAU_ENV) / CA,
    ]


def jac(t, y):
    n, tc, N, ta = y
    e = math.exp(-HW / (KB * tc))
    p = (HW / TAU_EP) * ((N + 1) * e - N)
    dpdtc = (HW / TAU_EP) * (N + 1) * e * (HW / (KB * tc * tc))
    dpdn = (HW / TAU_EP) * (e - 1)
    x = HW / (KB * ta)
    dneq = math.exp(x) * x / (ta * math.expm1(x) ** 2)
    return np.array([
        [-(K1 + 2 * K2 * n + 3 * K3 * n * n), 0, 0, 0],
        [2 * K3 * n * (EG + 3 * KB * tc) / (3 * KB), K3 * n * n - dpdtc / (3 * KB) - 1 / TAU_CA, -dpdn / (3 * KB), 1 / TAU_CA],
        [p / (NPH * HW), n * dpdtc / (NPH * HW), n * dpdn / (NPH * HW) - 1 / TAU_LA, dneq / TAU_LA],
        [(3 * KB * (tc - ta) / TAU_CA + K1 * EG) / CA, 3 * KB * n / (TAU_CA * CA), NPH * HW / (TAU_LA * CA),
         (-NPH * HW * dneq / TAU_LA - 3 * KB * n / TAU_CA - CA / TAU_ENV) / CA],
    ])


def solve(n0, method, rtol):
    y0 = [n0, T0 + EEX / (3 * KB), 1 / math.expm1(HW / (KB * T0)), T0]
    atol = [1e-9 * n0, 1e-3, 1e-9, 1e-6]
    return solve_ivp(rhs, (0, 1000), y0, method=method, rtol=rtol, atol=atol, jac=jac, t_eval=TIMES)


def main():
    rtol = float(sys.argv[1]) if len(sys.argv) > 1 else 1e-6
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    methods = sys.argv[4].split(',') if len(sys.argv) > 4 else ['LSODA', 'BDF', 'Radau']
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, '..', 'reference', 'hc4_reference.json')) as fh:
        ref = json.load(fh)
    densities = [10 ** (16 + 4 * k / (count - 1)) for k in range(count)]
    for method in methods:
        nfev = sum(solve(n0, method, rtol).nfev for n0 in densities) / count
        per = []
        for _ in range(repeats):
            t0 = time.process_time()
            for n0 in densities:
                solve(n0, method, rtol)
            per.append((time.process_time() - t0) / count * 1e6)
        err = 0.0
        for case in ref['cases']:
            sol = solve(case['n0_cm3'], method, rtol)
            for k in range(len(TIMES)):
                for i in range(4):
                    r = case['y'][k][i]
                    err = max(err, abs(sol.y[i][k] - r) / abs(r))
        print(json.dumps({'solver': 'scipy', 'scipy_version': __import__('scipy').__version__, 'method': method,
                          'rtol': rtol, 'us_per_traj': float(np.median(per)), 'nfev_per_traj': nfev,
                          'max_rel_err': err}), flush=True)


if __name__ == '__main__':
    main()
