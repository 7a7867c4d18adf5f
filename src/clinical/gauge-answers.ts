import type { Vec3 } from '../anatomy/vec';

/** One question a gauge was asked (a bone, up to three vectors) and its answer. */
interface Asked<T> {
  readonly hash: number;
  readonly bone: string;
  readonly args: readonly number[];
  readonly value: T;
}

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** Folds a number's exact bits into a hash (no string made of it). */
function mix(h: number, x: number): number {
  bits[0] = x;
  h = Math.imul(h ^ words[0]!, 0x9e3779b1);
  return Math.imul(h ^ words[1]!, 0x85ebca6b);
}

function hashOf(bone: string, a: Vec3, b: Vec3, c: Vec3 | undefined): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bone.length; i++) h = Math.imul(h ^ bone.charCodeAt(i), 0x01000193);
  for (let i = 0; i < 3; i++) h = mix(mix(h, a[i]!), b[i]!);
  if (c) for (let i = 0; i < 3; i++) h = mix(h, c[i]!);
  return h;
}

function sameArgs(args: readonly number[], a: Vec3, b: Vec3, c: Vec3 | undefined): boolean {
  if (args.length !== (c ? 9 : 6)) return false;
  for (let i = 0; i < 3; i++) if (args[i] !== a[i] || args[i + 3] !== b[i]) return false;
  if (c) for (let i = 0; i < 3; i++) if (args[i + 6] !== c[i]) return false;
  return true;
}

/**
 * A gauge's answers to one kind of question, found again by the exact numbers asked: a tool's path
 * asks the same questions every frame, and finding an answer builds no key (no string of the
 * numbers). The oldest answers make way once `kept` are held.
 */
export function gaugeAnswers<T, C extends Vec3 | undefined>(
  kept: number,
  measure: (bone: string, a: Vec3, b: Vec3, c: C) => T,
): (bone: string, a: Vec3, b: Vec3, c: C) => T {
  const buckets = new Map<number, Asked<T>[]>();
  const order: Asked<T>[] = [];
  return (bone, a, b, c) => {
    const hash = hashOf(bone, a, b, c);
    const bucket = buckets.get(hash);
    if (bucket)
      for (let i = 0; i < bucket.length; i++) {
        const asked = bucket[i]!;
        if (asked.bone === bone && sameArgs(asked.args, a, b, c)) return asked.value;
      }
    if (order.length >= kept) {
      const oldest = order.shift()!;
      const list = buckets.get(oldest.hash)!;
      list.splice(list.indexOf(oldest), 1);
      if (list.length === 0) buckets.delete(oldest.hash);
    }
    const asked: Asked<T> = { hash, bone, args: [...a, ...b, ...(c ?? [])], value: measure(bone, a, b, c) };
    order.push(asked);
    if (bucket) bucket.push(asked);
    else buckets.set(hash, [asked]);
    return asked.value;
  };
}
