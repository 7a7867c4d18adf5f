/**
 * The case engine's one memo: the last `size` results of `compute`, found again by the identity of
 * every argument (the store hands out new objects only when a value changes). Every view and panel
 * asking for the same inputs shares one result, which is what keeps a slider drag from re-posing
 * meshes, re-measuring them or planning twice.
 */
export function memoRecent<A extends readonly unknown[], R>(
  size: number,
  compute: (...args: A) => R,
): (...args: A) => R {
  const kept: { readonly args: A; readonly result: R }[] = [];
  return (...args: A): R => {
    const at = kept.findIndex((k) => k.args.every((v, i) => v === args[i]));
    const entry = at >= 0 ? kept.splice(at, 1)[0]! : { args, result: compute(...args) };
    kept.unshift(entry);
    kept.length = Math.min(kept.length, size);
    return entry.result;
  };
}
