# Experiment (not part of the engine; run: python3 docs/experiments/dynamic-screening.py, numpy + scipy): would
# dynamic screening of the Froehlich coupling change the engine's static (Debye) screening factor S?
#
# S = int_{q-}^{q+} dq / (q |eps_r(q, w_LO)|^2) / ln(q+/q-), eps_r = 1 + (q_D^2/q^2) W(z), z = w_LO / (q v_th),
# v_th = sqrt(kB T/m): the classical random-phase response of a Maxwellian electron-hole plasma at the phonon's
# frequency, with the plasma dispersion function W(z) = 1 - sqrt(2) z D(z/sqrt(2)) + i sqrt(pi/2) z exp(-z^2/2)
# (D: Dawson's integral; Ichimaru, Statistical Plasma Physics, vol. I, 1992, ch. 4). W = 1 gives the engine's static
# form q^3/(q^2 + q_D^2)^2 (src/model/screening.ts); long-wavelength phonons (z > 1) are screened dynamically, short
# ones statically (Reizer, Phys. Rev. B 61, 40 (2000)). MAPbI3 sheet values, q_D^2 from electrons and holes at T,
# E = 3/2 kB T + hw as in the engine.
import numpy as np
from scipy.special import dawsn
from scipy.integrate import quad
KB = 8.617333e-5; HBAR2 = 0.0380998  # eV/K; hbar^2/2m0 in eV nm^2
E_C = 1.602176634e-19; EPS0 = 8.8541878128e-12

def W(z):
    return (1 - np.sqrt(2) * z * dawsn(z / np.sqrt(2))) + 1j * np.sqrt(np.pi / 2) * z * np.exp(-z * z / 2)

def S(T, n, m=0.208, hw=0.014, eps_inf=5.0, dynamic=True):
    c = m / HBAR2
    E = 1.5 * KB * T + hw
    k1, k2 = np.sqrt(c * E), np.sqrt(c * (E - hw))
    qp, qm = k1 + k2, k1 - k2
    qD2 = (2 * E_C * E_C / (EPS0 * eps_inf * KB * E_C * T)) * n * 1e6 * 1e-18  # nm^-2
    hv = np.sqrt(2 * HBAR2 * KB * T / m)  # hbar v_th in eV nm
    def integrand(q):
        eps = 1 + qD2 / q**2 * (W(hw / (q * hv)) if dynamic else 1.0)
        return 1 / (q * abs(eps) ** 2)
    return quad(integrand, qm, qp, limit=200)[0] / np.log(qp / qm)

for n in [1.6e17, 1e18, 1e19]:
    for T in [2500, 1500, 800, 400]:
        s, d = S(T, n, dynamic=False), S(T, n)
        print(f"n = {n:.1e} cm^-3, T = {T:4d} K: static S = {s:.3f}, dynamic S = {d:.3f} ({(d / s - 1) * 100:+.1f} %)")
