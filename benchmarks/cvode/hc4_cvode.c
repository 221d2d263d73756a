/* HC-4 with SUNDIALS CVODE (BDF, dense direct linear solver, analytic Jacobian): times the standard sweep. */
/*
 * Usage: hc4_cvode <rtol> <repeats> <count>
 *   Runs `count` densities log-spaced 1e16..1e20 (README tolerances, output at the 9 reference times),
 *   `repeats` times; prints one JSON line: median microseconds per trajectory, mean nfev/njev per
 *   trajectory, then one JSON line per reference density (1e16..1e20) with the states at the 9 times.
 * Builds against SUNDIALS 6.x and 7.x (SUNContext exists from 6.0; its communicator type changed in 7.0).
 * The solver memory is created once and re-initialised (CVodeReInit) per trajectory: CVODE's fastest path.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <cvode/cvode.h>
#include <nvector/nvector_serial.h>
#include <sundials/sundials_types.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunmatrix/sunmatrix_dense.h>

#define KB 8.617333262e-5
#define HW 0.0165
#define TAU_EP 0.03
#define NPH 5e18
#define TAU_LA 0.6
#define CA 9.36e18
#define TAU_CA 20.0
#define TAU_ENV 200.0
#define K1 1e-3
#define K2 1e-22
#define K3 2e-41
#define EG 1.6
#define EEX 0.5
#define T0 300.0

static const double TIMES[9] = {0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000};

static int rhs(sunrealtype t, N_Vector yv, N_Vector fv, void *ud) {
  (void)t; (void)ud;
  const sunrealtype *y = N_VGetArrayPointer(yv);
  sunrealtype *f = N_VGetArrayPointer(fv);
  double n = y[0], tc = y[1], N = y[2], ta = y[3];
  double p = (HW / TAU_EP) * ((N + 1) * exp(-HW / (KB * tc)) - N);
  double neqA = 1 / expm1(HW / (KB * ta));
  f[0] = -(K1 * n + K2 * n * n + K3 * n * n * n);
  f[1] = (K3 * n * n * (EG + 3 * KB * tc) - p) / (3 * KB) - (tc - ta) / TAU_CA;
  f[2] = n * p / (NPH * HW) - (N - neqA) / TAU_LA;
  f[3] = (NPH * HW * (N - neqA) / TAU_LA + 3 * KB * n * (tc - ta) / TAU_CA + K1 * n * EG - CA * (ta - T0) / TAU_ENV) / CA;
  return 0;
}

static int jac(sunrealtype t, N_Vector yv, N_Vector fy, SUNMatrix Jm, void *ud, N_Vector t1, N_Vector t2, N_Vector t3) {
  (void)t; (void)fy; (void)ud; (void)t1; (void)t2; (void)t3;
  const sunrealtype *y = N_VGetArrayPointer(yv);
  double n = y[0], tc = y[1], N = y[2], ta = y[3];
  double e = exp(-HW / (KB * tc));
  double p = (HW / TAU_EP) * ((N + 1) * e - N);
  double dpdtc = (HW / TAU_EP) * (N + 1) * e * (HW / (KB * tc * tc));
  double dpdN = (HW / TAU_EP) * (e - 1);
  double x = HW / (KB * ta), ex = exp(x), em1 = expm1(x);
  double dneq = ex * x / (ta * em1 * em1);
#define J(i, j) SM_ELEMENT_D(Jm, i, j)
  J(0, 0) = -(K1 + 2 * K2 * n + 3 * K3 * n * n); J(0, 1) = 0; J(0, 2) = 0; J(0, 3) = 0;
  J(1, 0) = 2 * K3 * n * (EG + 3 * KB * tc) / (3 * KB);
  J(1, 1) = K3 * n * n - dpdtc / (3 * KB) - 1 / TAU_CA;
  J(1, 2) = -dpdN / (3 * KB);
  J(1, 3) = 1 / TAU_CA;
  J(2, 0) = p / (NPH * HW);
  J(2, 1) = n * dpdtc / (NPH * HW);
  J(2, 2) = n * dpdN / (NPH * HW) - 1 / TAU_LA;
  J(2, 3) = dneq / TAU_LA;
  J(3, 0) = (3 * KB * (tc - ta) / TAU_CA + K1 * EG) / CA;
  J(3, 1) = 3 * KB * n / (TAU_CA * CA);
  J(3, 2) = NPH * HW / (TAU_LA * CA);
  J(3, 3) = (-NPH * HW * dneq / TAU_LA - 3 * KB * n / TAU_CA - CA / TAU_ENV) / CA;
#undef J
  return 0;
}

static double now_us(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time of this process, like the other solvers */
  return ts.tv_sec * 1e6 + ts.tv_nsec * 1e-3;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static void init_state(N_Vector y, N_Vector atol, double n0) {
  sunrealtype *v = N_VGetArrayPointer(y), *a = N_VGetArrayPointer(atol);
  v[0] = n0; v[1] = T0 + EEX / (3 * KB); v[2] = 1 / expm1(HW / (KB * T0)); v[3] = T0;
  a[0] = 1e-9 * n0; a[1] = 1e-3; a[2] = 1e-9; a[3] = 1e-6;
}

/* Integrates one trajectory, writing the 9 output states into out (may be NULL). Returns 0 on success. */
static int trajectory(void *mem, N_Vector y, N_Vector atol, double n0, double rtol, double *out) {
  init_state(y, atol, n0);
  if (CVodeReInit(mem, 0.0, y) != CV_SUCCESS) return -1;
  if (CVodeSVtolerances(mem, rtol, atol) != CV_SUCCESS) return -1;
  for (int k = 0; k < 9; k++) {
    sunrealtype t;
    if (CVode(mem, TIMES[k], y, &t, CV_NORMAL) < 0) return -1;
    if (out) for (int i = 0; i < 4; i++) out[k * 4 + i] = N_VGetArrayPointer(y)[i];
  }
  return 0;
}

int main(int argc, char **argv) {
  double rtol = argc > 1 ? atof(argv[1]) : 1e-6;
  int repeats = argc > 2 ? atoi(argv[2]) : 21;
  int count = argc > 3 ? atoi(argv[3]) : 20;
  SUNContext ctx;
#if SUNDIALS_VERSION_MAJOR >= 7
  SUNContext_Create(SUN_COMM_NULL, &ctx);
#else
  SUNContext_Create(NULL, &ctx);
#endif
  N_Vector y = N_VNew_Serial(4, ctx), atol = N_VNew_Serial(4, ctx);
  init_state(y, atol, 1e16);
  void *mem = CVodeCreate(CV_BDF, ctx);
  CVodeInit(mem, rhs, 0.0, y);
  CVodeSVtolerances(mem, rtol, atol);
  SUNMatrix A = SUNDenseMatrix(4, 4, ctx);
  SUNLinearSolver LS = SUNLinSol_Dense(y, A, ctx);
  CVodeSetLinearSolver(mem, LS, A);
  CVodeSetJacFn(mem, jac);
  CVodeSetMaxNumSteps(mem, 100000);
  double *per = malloc(sizeof(double) * repeats);
  long nfev = 0, njev = 0, nsteps = 0;
  for (int r = 0; r < repeats; r++) {
    double t0 = now_us();
    for (int k = 0; k < count; k++) {
      double n0 = pow(10.0, 16 + 4.0 * k / (count - 1));
      if (trajectory(mem, y, atol, n0, rtol, NULL) != 0) { fprintf(stderr, "CVODE failed at n0=%g\n", n0); return 1; }
      if (r == 0) {
        long nf, nj, ns, nfl;
        CVodeGetNumRhsEvals(mem, &nf); CVodeGetNumJacEvals(mem, &nj); CVodeGetNumSteps(mem, &ns);
        CVodeGetNumLinRhsEvals(mem, &nfl);
        nfev += nf + nfl; njev += nj; nsteps += ns;
      }
    }
    per[r] = (now_us() - t0) / count;
  }
  qsort(per, repeats, sizeof(double), cmp);
  printf("{\"solver\":\"cvode\",\"version\":\"%d.%d.%d\",\"rtol\":%g,\"us_per_traj\":%.3f,\"nfev_per_traj\":%.1f,\"njev_per_traj\":%.1f,\"steps_per_traj\":%.1f}\n",
         SUNDIALS_VERSION_MAJOR, SUNDIALS_VERSION_MINOR, SUNDIALS_VERSION_PATCH, rtol, per[repeats / 2],
         (double)nfev / count, (double)njev / count, (double)nsteps / count);
  for (int e = 16; e <= 20; e++) {
    double out[36];
    double n0 = pow(10.0, e);
    if (trajectory(mem, y, atol, n0, rtol, out) != 0) return 1;
    printf("{\"n0\":%g,\"y\":[", n0);
    for (int k = 0; k < 36; k++) printf("%s%.17g", k ? "," : "", out[k]);
    printf("]}\n");
  }
  free(per);
  SUNLinSolFree(LS); SUNMatDestroy(A); N_VDestroy(y); N_VDestroy(atol); CVodeFree(&mem); SUNContext_Free(&ctx);
  return 0;
}
