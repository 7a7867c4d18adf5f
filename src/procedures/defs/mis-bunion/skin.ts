/**
 * The percutaneous bunion operation on the skin and on the first metatarsal: its variants, the
 * portals each makes (and the open chevron's incision drawn beside them), the head's width and
 * its shift.
 */
import { length, scale, sub, type Vec3 } from '../../../anatomy/vec';
import { percutaneousAkin } from '../akin';
import { DISTAL_INCISION, m1, medialIncisionEnds } from '../../foot/first-ray';
import { neckWidth } from '../../foot/neck-osteotomy';
import type { PlanContext, SkinMarks, StepContext } from '../../types';
import { MICA_APEX, micaEntry } from './tools';
import { onSkin } from '../../kit/skin';

export type Variant = 'classic' | 'reverdin' | 'mica';

/**
 * Skin portals, mm long, where each lets a tool in (CLINICAL §1.4: 2–3 mm): classic — medial (burr),
 * dorsolateral (release); MICA — medial (burr), two for the screws.
 */
export const PORTALS: Readonly<Record<Variant, readonly { readonly id: string; readonly mm: number }[]>> = {
  classic: [
    { id: 'medial', mm: 3 },
    { id: 'lateral', mm: 2 },
  ],
  reverdin: [
    { id: 'medial', mm: 3 },
    { id: 'lateral', mm: 2 },
  ],
  mica: [
    { id: 'medial', mm: 3 },
    { id: 'screw-distal', mm: 3 },
    { id: 'screw-proximal', mm: 3 },
  ],
};

/** Width of the metatarsal across the shift direction where it is cut, mm. */
export function misWidth(ctx: PlanContext): number {
  if (ctx.params.variant !== 'mica') return neckWidth(ctx);
  const f = m1(ctx);
  return ctx.gauge.width('metatarsal1', f.at(MICA_APEX - 10), f.axis, f.medial);
}

/** The head's lateral translation as a fraction of the width at the cut (the `shift` %). */
export const misShiftFraction = (ctx: PlanContext): number => Number(ctx.params.shift ?? 60) / 100;

/** The head's lateral translation, mm: shift % of the width at the cut. */
export function misShiftMm(ctx: PlanContext): number {
  return misShiftFraction(ctx) * misWidth(ctx);
}

/** The length of the open chevron's skin incision, measured along its scalpel's path, mm. */
export function openIncisionMm(ctx: StepContext): number {
  const [from, to] = openIncision(ctx);
  return length(sub(to, from));
}

/** The two ends of the open chevron's incision: where its scalpel starts and stops. */
export const openIncision = (ctx: StepContext): [Vec3, Vec3] => medialIncisionEnds(ctx, DISTAL_INCISION);

/**
 * Where each portal of the variant opens the skin (and an added Akin's, made through its own
 * portals in this sitting), and the open chevron's incision beside them.
 */
export function misSkinMarks(ctx: StepContext, variant: Variant): SkinMarks {
  const f = m1(ctx);
  const half = misWidth(ctx) / 2;
  const portal = (inner: Vec3, normal: Vec3) => ({ at: onSkin(ctx, inner, normal), normal, along: f.axis });
  const where: Record<string, () => { at: Vec3; normal: Vec3; along: Vec3 }> = {
    // Just proximal to the bump, where the burr goes in.
    medial: () => portal(f.at(-12.5), f.medial),
    // In the first web space, from above.
    lateral: () => portal(f.at(2, 0, -half - 4), f.dorsal),
    // Where the screws' guide wires come through the skin.
    'screw-distal': () => portal(sub(micaEntry(ctx, true), scale(f.medial, 6)), f.medial),
    'screw-proximal': () => portal(sub(micaEntry(ctx, false), scale(f.medial, 6)), f.medial),
  };
  const akin = ctx.params.akin === '1' ? percutaneousAkin(ctx.params).skinMarks?.(ctx).portals : undefined;
  return {
    portals: [...PORTALS[variant].map((p) => ({ id: p.id, mm: p.mm, ...where[p.id]!() })), ...(akin ?? [])],
    openIncision: openIncision(ctx),
  };
}
