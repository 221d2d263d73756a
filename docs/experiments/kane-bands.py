# Experiment (not part of the engine; run: python3 docs/experiments/kane-bands.py, numpy + scipy): how much would
# non-parabolic (Kane) bands change the first picosecond of LO-phonon cooling that the engine computes with
# parabolic bands? Test case: Price et al. 2015's low-density MAPbI3 film (2.25 eV pump, ~1000 K at 0.3 ps measured).
#
# Bands: gamma(E) = E (1 + a E) = hbar^2 k^2 / 2m, density of states g(E) ~ sqrt(gamma) (1 + 2 a E); a = 0 is the
# engine's parabolic band. a = (1 - m*/m0)^2 / Eg, the two-band Kane estimate (Kane, J. Phys. Chem. Solids 1, 249
# (1957); as used in ensemble Monte Carlo: Jacoboni & Reggiani, Rev. Mod. Phys. 55, 645 (1983)).
# Froehlich emission and absorption of one LO mode by a carrier of energy E, with the overlap factor of
# non-parabolic bands (Fischetti, IEEE Trans. Electron Devices 38, 634 (1991)):
#   W(E -> E') = alpha omega (N + 1/2 -+ 1/2) sqrt(hw) (1 + 2 a E') / sqrt(gamma(E)) * F0(E, E'),  E' = E -+ hw
#   F0 = [A ln|(sqrt g + sqrt g')/(sqrt g - sqrt g')| + B] / C,  A = [2(1+aE)(1+aE') + a(g+g')]^2,
#   B = -2a sqrt(g g') [4(1+aE)(1+aE') + a(g+g')],  C = 4(1+aE)(1+aE')(1+2aE)(1+2aE')
# which is the engine's single-carrier rate for a = 0 (F0 -> ln, src/model/frohlich-maxwell.ts). Carriers stay
# Maxwellian at T (carrier-carrier scattering), the LO modes at the lattice (no hot phonons: at 1.6e17 cm^-3 they
# change the engine's 1/e time by ~4 %), no screening (the engine's static screening is the larger effect here:
# 1 609 K against 1 149 K at 0.3 ps without it), impulsive injection; electrons and holes alike (equal masses).
# Energy per carrier U(T) = <E>_T; dU/dt = -hw [<W_em> - <W_abs>]. Prints T at 0.1, 0.3 and 1 ps for a = 0 and the
# Kane a, and the temperature the injected energy corresponds to.
import numpy as np
from scipy.integrate import quad, solve_ivp
from scipy.optimize import brentq

KB = 8.617333e-5          # eV/K
HBAR = 6.582119569e-4     # eV ps
# MAPbI3 sheet (src/materials/compounds-hybrid.ts): Sendner et al. 2016 eps and LO energy, Galkowski et al. 2016 mass
M, HW, EPS_INF, EPS_S, EG = 0.208, 0.0140, 5.0, 33.5, 1.57
HB2M0 = 0.0380998         # hbar^2 / 2 m0 in eV nm^2
E2 = 1.439964             # e^2 / (4 pi eps0) in eV nm
ALPHA_F = (1 / EPS_INF - 1 / EPS_S) * E2 * np.sqrt(M / (2 * HW * 2 * HB2M0)) / 1.0  # Froehlich alpha (2.42)
OMEGA = HW / HBAR         # ps^-1
T_L = 300.0
N_LO = 1 / np.expm1(HW / (KB * T_L))

def rate(E, Ep, a, occ):
    if Ep <= 0:
        return 0.0
    g, gp = E * (1 + a * E), Ep * (1 + a * Ep)
    A = (2 * (1 + a * E) * (1 + a * Ep) + a * (g + gp)) ** 2
    B = -2 * a * np.sqrt(g * gp) * (4 * (1 + a * E) * (1 + a * Ep) + a * (g + gp))
    C = 4 * (1 + a * E) * (1 + a * Ep) * (1 + 2 * a * E) * (1 + 2 * a * Ep)
    F0 = (A * np.log(abs((np.sqrt(g) + np.sqrt(gp)) / (np.sqrt(g) - np.sqrt(gp)))) + B) / C
    return ALPHA_F * OMEGA * occ * np.sqrt(HW) * (1 + 2 * a * Ep) / np.sqrt(g) * F0

def dos(E, a):
    return np.sqrt(E * (1 + a * E)) * (1 + 2 * a * E)

def moments(T, a):
    kT = KB * T
    top = 60 * kT
    w = lambda E: dos(E, a) * np.exp(-E / kT)
    Z = quad(w, 0, top, limit=200)[0]
    U = quad(lambda E: E * w(E), 0, top, limit=200)[0] / Z
    pts = [HW]
    em = quad(lambda E: rate(E, E - HW, a, N_LO + 1) * w(E), HW, top, points=None, limit=400)[0] / Z
    ab = quad(lambda E: rate(E, E + HW, a, N_LO) * w(E), 0, top, limit=400)[0] / Z
    return U, HW * (em - ab)

def run(a, U0):
    Ts = 300 + np.geomspace(0.5, 7700, 120)
    table = np.array([moments(T, a) for T in Ts])
    U_of_T, P_of_T = table[:, 0], table[:, 1]
    T_of_U = lambda U: np.interp(U, U_of_T, Ts)
    P_of_U = lambda U: np.interp(U, U_of_T, P_of_T)
    T0 = T_of_U(U0)
    sol = solve_ivp(lambda t, u: [-P_of_U(u[0])], [0, 1.0], [U0], t_eval=[0.1, 0.3, 1.0], rtol=1e-8, atol=1e-12)
    return T0, [T_of_U(u) for u in sol.y[0]], P_of_U(U0)

excess = 2.25 - EG                 # eV per pair
U0 = excess / 2                    # per carrier, equal masses
a_kane = (1 - M) ** 2 / EG
print(f"MAPbI3: Froehlich alpha {ALPHA_F:.2f}, hw {HW * 1e3:.1f} meV, N_LO(300 K) {N_LO:.2f}, excess {excess:.2f} eV per pair")
for label, a in [("parabolic (the engine)", 0.0), (f"Kane, a = {a_kane:.2f} eV^-1", a_kane)]:
    T0, (t01, t03, t1), P0 = run(a, U0)
    print(f"{label:28s} injected {T0:6.0f} K (loss {P0 * 1e3:5.0f} meV/ps per carrier); Tc at 0.1 / 0.3 / 1 ps: {t01:6.0f} / {t03:6.0f} / {t1:6.0f} K")
