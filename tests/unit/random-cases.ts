/** Random patients for the round-trip tests, from a seeded generator so a failure can be replayed. */
import { FOOT_DEFORMITY, JLCA_PLAUSIBLE, KNEE_DEFORMITY } from '../../src/clinical/deformity-params';

/** A small deterministic generator (a linear congruential one): numbers in [0, 1). */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const within = (r: () => number, range: { readonly min: number; readonly max: number }) =>
  range.min + r() * (range.max - range.min);

/** A foot anywhere within the app's deformity ranges. */
export function randomFoot(r: () => number) {
  return {
    hva: within(r, FOOT_DEFORMITY.hva),
    ima: within(r, FOOT_DEFORMITY.ima),
    dmaa: within(r, FOOT_DEFORMITY.dmaa),
    hvia: within(r, FOOT_DEFORMITY.hvia),
  };
}

/** A knee within the app's ranges whose joint-line convergence is plausible (drawn again until it is). */
export function randomKnee(r: () => number) {
  for (;;) {
    const knee = {
      hka: within(r, KNEE_DEFORMITY.hka),
      mpta: within(r, KNEE_DEFORMITY.mpta),
      ldfa: within(r, KNEE_DEFORMITY.ldfa),
    };
    if (Math.abs(180 - knee.hka - (knee.ldfa - knee.mpta)) <= JLCA_PLAUSIBLE) return knee;
  }
}
