import type { ProcedureDef } from '../types';

/**
 * One sitting of two procedures: the first one's opening and main steps, then the added one's main
 * steps (its own incision and closure left out: it uses the same approach), then the first one's
 * closing. Bodies, cuts and motions are pooled; where both say what a body follows, the added
 * procedure wins (its fragments now carry the toe).
 */
export function composeProcedures(first: ProcedureDef, added: ProcedureDef): ProcedureDef {
  const follows = new Map(first.follows.map((f) => [f.body, f]));
  for (const f of added.follows) follows.set(f.body, f);
  const main = (p: ProcedureDef) => p.steps.filter((s) => !s.phase);
  return {
    ...first,
    params: [...first.params, ...added.params],
    cuts: [...first.cuts, ...added.cuts],
    motions: [...first.motions, ...added.motions],
    follows: [...follows.values()],
    steps: [
      ...first.steps.filter((s) => s.phase !== 'close'),
      ...main(added).map((s) => ({ ...s, strings: s.strings ?? added.id })),
      ...first.steps.filter((s) => s.phase === 'close'),
    ],
    addons: [],
    readouts: { ...first.readouts, ...added.readouts },
    lateralShifts: { ...first.lateralShifts, ...added.lateralShifts },
    captionValues: (ctx) => ({ ...first.captionValues?.(ctx), ...added.captionValues?.(ctx) }),
  };
}
