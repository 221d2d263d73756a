# Experiment (not part of the engine; run: python3 docs/experiments/lo-wavevector-bins.py, numpy + scipy): does the
# hot-phonon bottleneck survive when the LO population is resolved in phonon wavevector instead of the engine's one
# pool of N_LO = (2 k_th(300 K))^3 / (6 pi^2) modes? Each bin of |q| holds its own occupation, carriers emit into
# the bins by the Froehlich weight dq/q (screened: q^3/(q^2 + q_D^2)^2 dq, the same F(q) as src/model/screening.ts)
# between q- and q+ at E = 3/2 kB Tc + hw, each bin decays by Klemens into one shared daughter pool.
# MAPbI3 film, hotcarrier's own parameters (simulate --json), T_A held at 300 K; without and with bulk Auger heating.
# Written before the engine's Maxwell-averaged Froehlich rate: it uses the bare rate alpha*omega (the engine's
# --no-maxwell-average); the comparison it makes (4 vs 16 bins vs one pool) is within one rate law either way.
import numpy as np
from scipy.integrate import solve_ivp
KB=8.617333e-5; HBAR2=0.0380998  # eV nm^2 (hbar^2/2m0)
hw=0.014; alpha=2.419; m=0.208; epsInf=5.0; tauLO=0.6; tauAA=5.0; T0=300.0
omega=hw/6.582119569e-4  # ps^-1
K3=1.6e-28*1e-12; EG=1.57  # MAPbI3 bulk Auger (cm^6 ps^-1) and gap (eV), hotcarrier's sheet
def bose(e,T): return 1/np.expm1(e/(KB*T))
# Klemens rate normalised to tau_LO at 300 K (as hotcarrier): Gamma = 1/(tauLO (1+2 nA(hw/2,300)))
nA=bose(hw/2,T0); Gam=1/(tauLO*(1+2*nA))
e=1.602176634e-19; eps0=8.8541878128e-12; kBJ=KB*e
debye=(2*e*e/(eps0*epsInf*kBJ))*1e6*1e-18   # q_D^2 = debye*n/T  (nm^-2, n in cm^-3)
def F(q,a2): return 0.5*np.log(q*q+a2)+a2/(2*(q*q+a2))
def weights(T,n,edges,screen=True):
    c=m/HBAR2; E=1.5*KB*T+hw; k1=np.sqrt(c*E); k2=np.sqrt(c*(E-hw)); qp=k1+k2; qm=k1-k2
    a2=debye*n/T if screen else 0.0
    lo=np.clip(edges[:-1],qm,qp); hi=np.clip(edges[1:],qm,qp)
    w=(F(hi,a2)-F(lo,a2))/np.log(qp/qm)
    return w  # sums to S (screening factor)
kth=np.sqrt(2*m*KB*T0/ (2*HBAR2)) # k with hbar^2k^2/2m = kB T ... use same as model: q_c = 2 k_th
def run(n0,edges,fixed=False,tend=50.0,screen=True,daughterModes=None,auger=False):
    M=(edges[1:]**3-edges[:-1]**3)/(6*np.pi**2)*1e21  # modes cm^-3
    B=len(M); Mtot=M.sum() if daughterModes is None else daughterModes
    Tinj=0.68/(3*KB)
    y0=np.concatenate([[Tinj],np.full(B,bose(hw,T0)),[nA],[n0]])
    def f(t,y):
        T=max(y[0],1.0); N=y[1:1+B]; q=y[1+B]; n=y[2+B]
        w=weights(T,n,edges,screen)
        if fixed: w=np.array([weights(T,n,np.array([0,np.inf]),screen)[0]])
        x=np.exp(-hw/(KB*T))
        pb=hw*2*alpha*omega*w*((N+1)*x-N)     # eV/ps per pair into each bin (e and h: 2 alpha)
        D=Gam*(N*(1+q)**2-(N+1)*q*q)
        RA=K3*n**3 if auger else 0.0
        dT=-pb.sum()/(3*KB)+(RA/n)*(EG/(3*KB)+T)
        dN=n*pb/(M*hw)-D
        dq=(M*D).sum()/Mtot-(q-bose(hw/2,T0))/tauAA
        return np.concatenate([[dT],dN,[dq],[-RA]])
    s=solve_ivp(f,[0,tend],y0,method='LSODA',rtol=1e-7,atol=1e-9,dense_output=True)
    t=np.logspace(-3,np.log10(tend),4000); T=s.sol(t)[0]
    ex=T-T0; i=np.argmax(ex<=ex[0]/np.e)
    return t[i], s.sol(0.3)[0]
qc=2*np.sqrt(m/HBAR2*KB*T0)   # 2 k_th(300 K), k_th^2 = (m/HBAR2)*kB*T
Nlo=qc**3/(6*np.pi**2)*1e21
print('q_c = %.3f nm^-1, the engine\'s fixed pool N_LO = %.3e cm^-3'%(qc,Nlo))
fixedEdges=np.array([0,qc])
binEdges=np.array([0,0.05,0.1,0.2,0.4,0.8,1.6,3.2,5.0])

print('1/e time of Tc - T_L (ps) and Tc at 0.3 ps (K); daughters: the engine sizes its daughter pool as the LO pool')
for scr in (True,False):
  print('screening' if scr else 'no screening')
  for n in (1.6e17,1e18,6.4e18,1e19):
    tf,Tf=run(n,fixedEdges,fixed=True,screen=scr)
    tb,Tb=run(n,binEdges,screen=scr)
    td,Td=run(n,binEdges,screen=scr,daughterModes=Nlo)
    print('  n=%.1e  fixed pool %.3f ps %4.0f K | 8 q-bins to the zone edge, daughters over all bins %.3f ps %4.0f K | same, daughters sized N_LO %.3f ps %4.0f K'%(n,tf,Tf,tb,Tb,td,Td))
print('with bulk Auger recombination k3 n^3 and Auger heating (Eg + 3 kB Tc to the remaining pairs), screening on')
for n in (1.6e17,1e18,6.4e18,1e19):
    tf,_=run(n,fixedEdges,fixed=True,auger=True,tend=300)
    tb,_=run(n,binEdges,auger=True,tend=300)
    print('  n=%.1e  fixed pool %.3f ps | 8 q-bins %.3f ps'%(n,tf,tb))
