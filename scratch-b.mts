import { modelFor } from './test/model/helpers.ts';
import { S } from './src/model/state.ts';
for (const screening of [true, false]) {
  const model = modelFor({ composition: 'CsPbI3', edgeNm: 8, densityCm3: 1e18, switches: { screening } } as any);
  const y = new Float64Array(model.size); y[S.n] = 0.7e18; y[S.tc] = 1400; y[S.nLo] = 3; y[S.nAc] = 4; y[S.ta] = 2; y[S.occ] = 0.5e18;
  const ys = y.map((v, i) => v / model.scale[i]); const d = new Float64Array(model.size); const J = new Float64Array(model.size ** 2);
  let t0 = performance.now(); for (let i = 0; i < 200000; i++) model.rhs(1, ys, d); const a = performance.now() - t0;
  t0 = performance.now(); for (let i = 0; i < 50000; i++) model.jacobian(1, ys, J); const b = performance.now() - t0;
  console.log(screening, 'rhs µs', (1000 * a / 200000).toFixed(3), 'jac µs', (1000 * b / 50000).toFixed(3));
}
