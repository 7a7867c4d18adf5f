import type { RegionLandmarks } from '../anatomy/landmarks';
import type { Vec3 } from '../anatomy/vec';
import type { ProcedureDef } from '../procedures/types';
import { transformPoint } from './rigid';

/** The original part a body comes from: a fragment of a fragment still belongs to its bone. */
export function rootPart(proc: ProcedureDef, body: string): string {
  for (const cut of proc.cuts) {
    if (cut.fragments.some((f) => f.id === body) && cut.bone !== body) return rootPart(proc, cut.bone);
  }
  return body;
}

/** Which body carries each landmark after the cuts: `part.name` → body id. */
export function landmarkOwners(proc: ProcedureDef): Map<string, string> {
  const owner = new Map<string, string>();
  for (const cut of proc.cuts) {
    const part = rootPart(proc, cut.bone);
    for (const f of cut.fragments) for (const name of f.holds) owner.set(`${part}.${name}`, f.id);
  }
  return owner;
}

/** Every landmark moved with the body that carries it, for measuring the result. */
export function movedLandmarks(
  proc: ProcedureDef,
  pre: RegionLandmarks,
  transforms: Readonly<Record<string, readonly number[]>>,
): RegionLandmarks {
  const owner = landmarkOwners(proc);
  const out: Record<string, Record<string, Vec3>> = {};
  for (const [part, points] of Object.entries(pre)) {
    out[part] = Object.fromEntries(
      Object.entries(points).map(([name, p]) => {
        const t = transforms[owner.get(`${part}.${name}`) ?? part];
        return [name, t ? transformPoint(t, p) : p];
      }),
    );
  }
  return out;
}
