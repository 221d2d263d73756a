// Finds the ArrayBuffers behind every typed array in a result, once each, for comlink's `transfer`.

/** Every distinct transferable ArrayBuffer reachable from `value` through plain objects and arrays. */
export function transferablesOf(value: unknown, maxDepth = 4): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const visit = (v: unknown, depth: number) => {
    if (v === null || typeof v !== 'object') return;
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer && v.buffer.byteLength > 0) buffers.add(v.buffer);
      return;
    }
    if (depth >= maxDepth) return;
    for (const item of Array.isArray(v) ? v : Object.values(v)) visit(item, depth + 1);
  };
  visit(value, 0);
  return [...buffers];
}
