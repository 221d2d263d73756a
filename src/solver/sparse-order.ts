// Fill-reducing orderings for the sparse LU: natural, reverse Cuthill–McKee and minimum degree on the pattern of
// W + Wᵀ, and the choice between them by the work of a symbolic elimination (computed once per pattern).

/** A symmetric permutation: perm[k] = the original index eliminated k-th; fill = nnz of the symbolic Cholesky factor below the diagonal. */
export interface Ordering {
  name: 'natural' | 'rcm' | 'min-degree';
  perm: Int32Array;
  fill: number;
}

/** Adjacency sets of the graph of A + Aᵀ (no self loops) for the CSR pattern. */
export function symmetricGraph(n: number, rowPtr: Int32Array, colIdx: Int32Array): Set<number>[] {
  const adj: Set<number>[] = [];
  for (let i = 0; i < n; i++) adj.push(new Set());
  for (let i = 0; i < n; i++) {
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
      const j = colIdx[k];
      if (j !== i) {
        adj[i].add(j);
        adj[j].add(i);
      }
    }
  }
  return adj;
}

function copyGraph(adj: Set<number>[]): Set<number>[] {
  return adj.map((s) => new Set(s));
}

/** Eliminate v from the graph: its neighbours become a clique (the fill). @returns v's degree at elimination. */
function eliminate(g: Set<number>[], v: number, onDegree?: (a: number) => void): number {
  const nb = [...g[v]];
  for (const a of nb) g[a].delete(v);
  for (let x = 0; x < nb.length; x++) {
    const ga = g[nb[x]];
    for (let y = 0; y < nb.length; y++) if (x !== y) ga.add(nb[y]);
  }
  if (onDegree) for (const a of nb) onDegree(a);
  g[v].clear();
  return nb.length;
}

/**
 * Fill of eliminating in the order perm: the number of entries below the diagonal of the Cholesky factor's
 * pattern, counted row by row as the row subtrees of the elimination tree (Liu 1990; Davis 2006, Sec. 4.2–4.3),
 * in O(that count) time without forming the factor.
 */
export function symbolicFill(adj: Set<number>[], perm: Int32Array): number {
  return symbolicCounts(adj, perm).fill;
}

/**
 * symbolicFill with the work of the factorisation: ops = Σ_j c_j², c_j = entries below the diagonal of column j
 * (each such pair of entries is one multiply-add of the elimination, for LU with the symmetric pattern and the
 * diagonal as pivot).
 */
export function symbolicCounts(adj: Set<number>[], perm: Int32Array): { fill: number; ops: number } {
  const n = perm.length;
  const inv = new Int32Array(n);
  for (let k = 0; k < n; k++) inv[perm[k]] = k;
  const parent = new Int32Array(n).fill(-1);
  const ancestor = new Int32Array(n).fill(-1);
  const mark = new Int32Array(n).fill(-1);
  const count = new Float64Array(n);
  let fill = 0;
  for (let k = 0; k < n; k++) {
    // Elimination tree with path compression (Liu's algorithm), then row k's subtree, bottom up from each entry.
    mark[k] = k;
    for (const a of adj[perm[k]]) {
      const j0 = inv[a];
      if (j0 >= k) continue;
      for (let i = j0; i !== -1 && i < k; ) {
        const next = ancestor[i];
        ancestor[i] = k;
        if (next === -1) parent[i] = k;
        i = next;
      }
    }
    for (const a of adj[perm[k]]) {
      let j = inv[a];
      if (j >= k) continue;
      while (mark[j] !== k) {
        mark[j] = k;
        fill++;
        count[j]++;
        j = parent[j];
      }
    }
  }
  let ops = 0;
  for (let j = 0; j < n; j++) ops += count[j] * count[j];
  return { fill, ops };
}

/**
 * Minimum degree (Tinney scheme 2; George & Liu 1981, Ch. 5, on the explicit elimination graph): eliminate a
 * node of smallest current degree (ties: the lowest index), turning its neighbours into a clique. A lazy binary
 * heap of (degree, node) keys finds the node; work is about the factor's fill times the front width.
 */
export function minimumDegree(adj: Set<number>[]): { perm: Int32Array; fill: number } {
  const n = adj.length;
  const g = copyGraph(adj);
  const done = new Uint8Array(n);
  const heap: number[] = [];
  const key = (v: number) => g[v].size * n + v;
  const push = (x: number) => {
    heap.push(x);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p] <= heap[i]) break;
      [heap[p], heap[i]] = [heap[i], heap[p]];
      i = p;
    }
  };
  const pop = (): number => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && heap[l] < heap[m]) m = l;
        if (r < heap.length && heap[r] < heap[m]) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
    return top;
  };
  for (let v = 0; v < n; v++) push(key(v));
  const perm = new Int32Array(n);
  let fill = 0;
  for (let k = 0; k < n; ) {
    const x = pop();
    const v = x % n;
    if (done[v] || x !== key(v)) continue; // stale entry
    done[v] = 1;
    perm[k++] = v;
    fill += eliminate(g, v, (a) => push(key(a)));
  }
  return { perm, fill };
}

/** Breadth-first levels from `start` within unvisited nodes; @returns the nodes in visiting order. */
function bfs(adj: Set<number>[], start: number, seen: Uint8Array, byDegree: boolean): number[] {
  const order = [start];
  seen[start] = 1;
  for (let h = 0; h < order.length; h++) {
    const nb = [...adj[order[h]]].filter((a) => !seen[a]);
    if (byDegree) nb.sort((a, b) => adj[a].size - adj[b].size || a - b);
    for (const a of nb) {
      seen[a] = 1;
      order.push(a);
    }
  }
  return order;
}

/**
 * Reverse Cuthill–McKee (George & Liu 1981, Ch. 4): per connected component, a pseudo-peripheral start node
 * (repeat: go to a smallest-degree node of the last BFS level while the eccentricity grows), BFS with
 * neighbours by increasing degree, the whole sequence reversed.
 */
export function reverseCuthillMcKee(adj: Set<number>[]): Int32Array {
  const n = adj.length;
  const placed = new Uint8Array(n);
  const out: number[] = [];
  for (let s = 0; s < n; s++) {
    if (placed[s]) continue;
    let start = s;
    let depth = -1;
    for (let round = 0; round < 8; round++) {
      const seen = placed.slice();
      const lv = new Map<number, number>([[start, 0]]);
      const order = bfs(adj, start, seen, false);
      for (const v of order) for (const a of adj[v]) if (!lv.has(a)) lv.set(a, lv.get(v)! + 1);
      const ecc = Math.max(...order.map((v) => lv.get(v)!));
      if (ecc <= depth) break;
      depth = ecc;
      const far = order.filter((v) => lv.get(v) === ecc);
      start = far.reduce((b, v) => (adj[v].size < adj[b].size ? v : b), far[0]);
    }
    for (const v of bfs(adj, start, placed, true)) out.push(v);
  }
  return Int32Array.from(out.reverse());
}

/**
 * The ordering with the least elimination work (symbolicCounts' ops, ties: fill) among natural, RCM and minimum
 * degree. The work, not the fill, decides: a refactorisation's multiply-adds equal ops exactly when the pivots
 * stay on the diagonal (measured: 690 675 on BRUSS2D-24). Measured on BRUSS-2D (N = 8, 16, 24, 32; n = 2N²),
 * fill / ops: natural 1821 / 27.8k, 15.4k / 483k, 53.1k / 2.51M, 127k / 8.05M; RCM 1408 / 17.4k, 11.1k / 272k,
 * 37.4k / 1.36M, 88.3k / 4.28M; minimum degree 995 / 10.2k, 6766 / 153k, 20.1k / 691k, 43.1k / 2.03M; nested
 * dissection by level structures (George & Liu, Ch. 8, tried and left out) 1271 / 16.9k, 8488 / 214k,
 * 23.5k / 834k, 48.6k / 2.17M. Minimum degree costs 1–20 ms at n ≤ 1152 (300 ms at n = 4608: explicit
 * cliques, not a quotient graph), once per pattern (SparsePattern caches it).
 */
export function chooseOrdering(n: number, rowPtr: Int32Array, colIdx: Int32Array): Ordering {
  const adj = symmetricGraph(n, rowPtr, colIdx);
  const natural = new Int32Array(n);
  for (let i = 0; i < n; i++) natural[i] = i;
  const candidates: [Ordering['name'], Int32Array][] = [['natural', natural], ['rcm', reverseCuthillMcKee(adj)], ['min-degree', minimumDegree(adj).perm]];
  let best: Ordering | null = null;
  let bestOps = Infinity;
  for (const [name, perm] of candidates) {
    const { fill, ops } = symbolicCounts(adj, perm);
    if (ops < bestOps || (ops === bestOps && best !== null && fill < best.fill)) {
      best = { name, perm, fill };
      bestOps = ops;
    }
  }
  return best!;
}
