import type { FootAngles } from '../anatomy/deformity';

/**
 * How far the big toe and the first ray follow a first-metatarsal correction: the soft tissue.
 *
 * A translation osteotomy moves the metatarsal head; the toe rides on it but keeps its own
 * direction, so by the bone work alone the hallux valgus angle falls only by what the
 * intermetatarsal angle gains. What the toe does beyond that is soft tissue. Its deviation on the
 * joint, the subluxation S = HVA − DMAA (the toe's angle to the articular surface), is reduced by
 * each soft-tissue action by a share of what is left of it; actions are independent, so the shares
 * combine as 1 − Π(1 − share). The rest of S stays: a residual valgus, larger after a larger
 * pre-operative subluxation, as in every series (CLINICAL §5: HVA ~8–18° after a correction from
 * ~30°, never 0). An Akin acts on the phalanx itself and is measured on its own wedge.
 *
 * The shares are calibrated against the mean results of CLINICAL §5 ([67] chevron and scarf,
 * [69] chevron and hardware-free percutaneous, [70] MICA), each as a mechanism shared by every
 * operation that performs the action, not one number per operation.
 */

/** The soft-tissue actions an operation performs on the first metatarsophalangeal joint. */
export interface SoftTissueWork {
  /** The medial capsule opened and re-tensioned over the corrected toe (open chevron, scarf). */
  readonly plication: boolean;
  /** The contracted lateral structures released (adductor, lateral capsule: the percutaneous release). */
  readonly lateralRelease: boolean;
}

/** Share of the subluxation a medial capsule plication takes away. */
export const PLICATION_SHARE = 0.18;
/** Share a lateral release takes away: the contracture no longer pulls the toe out. */
export const LATERAL_RELEASE_SHARE = 0.15;
/**
 * Share per unit of translation (as a fraction of the metatarsal's width): the head moving
 * laterally comes back over the sesamoids, and the sesamoid sling, tied to the phalanx through the
 * plantar plate, brings the toe with it. This is why the large translations of minimally invasive
 * surgery correct the toe with no release at all (CLINICAL §1.4 [28][29]).
 */
export const SESAMOID_SHARE_PER_WIDTH = 0.2;

/**
 * Share of the intermetatarsal correction the first ray gives back by the time the bone has
 * healed, per unit of translation (as a fraction of the width): the first metatarsocuneiform joint
 * of a bunion foot is mobile and the ray drifts back a little towards its old varus, the more so the
 * less the two fragments overlap to hold the head. Series report the angles at follow-up, after
 * this drift (an IMA loss of ~1.4° of ~13° corrected in a long series of proximal osteotomies with
 * no translation to lose; a fifth of the correction after a half-width shift here).
 */
export const RAY_SETTLING_PER_WIDTH = 0.4;

/** The share of the subluxation the operation's soft-tissue work and translation take away (0–1). */
export function subluxationShare(work: SoftTissueWork, shiftFraction: number): number {
  const kept = [
    work.plication ? PLICATION_SHARE : 0,
    work.lateralRelease ? LATERAL_RELEASE_SHARE : 0,
    SESAMOID_SHARE_PER_WIDTH * Math.min(1, Math.max(0, shiftFraction)),
  ].reduce((left, share) => left * (1 - share), 1);
  return 1 - kept;
}

/** The pre-operative subluxation of the toe on its joint (HVA − DMAA), degrees; never negative. */
export function subluxation(pre: FootAngles): number {
  return Math.max(0, pre.hva - pre.dmaa);
}

/**
 * How far the toe turns medially on the metatarsal head at the end of the operation, degrees:
 * the share of its pre-operative subluxation the soft tissue takes away.
 */
export function toeRealignment(pre: FootAngles, work: SoftTissueWork, shiftFraction: number): number {
  return subluxationShare(work, shiftFraction) * subluxation(pre);
}

/**
 * How far the first ray turns back into varus at its base by union, degrees, for an IMA correction
 * of `correction`° made by a translation of `shiftFraction` of the width.
 */
export function raySettling(correction: number, shiftFraction: number): number {
  return RAY_SETTLING_PER_WIDTH * Math.min(1, Math.max(0, shiftFraction)) * Math.max(0, correction);
}

/** Post-operative HVA below this is a toe pointing inwards: hallux varus. */
export const HALLUX_VARUS_HVA = 0;
/** Post-operative IMA below this is an over-corrected first ray, the usual road to hallux varus. */
export const OVERCORRECTED_IMA = 3;

/** Plain-words warnings (i18n keys) a foot's post-operative angles earn. */
export function footOutcomeWarnings(post: Readonly<Record<string, number>>): string[] {
  const hva = post.hva;
  const ima = post.ima;
  if (hva === undefined || ima === undefined) return [];
  return hva < HALLUX_VARUS_HVA || ima < OVERCORRECTED_IMA ? ['warning.hallux-varus'] : [];
}
