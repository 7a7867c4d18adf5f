import { describe, expect, it } from 'vitest';
import { fluoroShot, SHOT_FRACTION, shotsTaken } from '../../src/engine/fluoroscopy';
import { misBunion } from '../../src/procedures/defs/mis-bunion';
import { chevron } from '../../src/procedures/defs/chevron';

describe('fluoroscopy shots', () => {
  it('open each percutaneous step in its projection, then give the view back', () => {
    const proc = misBunion({ variant: 'mica', passes: 3 });
    const pass = proc.steps.findIndex((s) => s.id === 'pass-1');
    const screw = proc.steps.findIndex((s) => s.id === 'screw-distal');
    expect(fluoroShot(proc, pass, 0)).toBe('ap');
    expect(fluoroShot(proc, pass, SHOT_FRACTION + 0.01)).toBeNull();
    expect(fluoroShot(proc, screw, 0.1)).toBe('lat');
    // The skin and anaesthesia steps take none.
    expect(fluoroShot(proc, 0, 0)).toBeNull();
    // An open operation takes none.
    expect(chevron.steps.map((_, i) => fluoroShot(chevron, i, 0))).toEqual(chevron.steps.map(() => null));
  });

  it('counts the shots taken so far', () => {
    const proc = misBunion({ variant: 'classic', passes: 3 });
    const last = proc.steps.length - 1;
    // Three burr passes, the neck cut, the shift.
    expect(shotsTaken(proc, last)).toBe(5);
    expect(shotsTaken(proc, 1)).toBe(0);
    const pass2 = proc.steps.findIndex((s) => s.id === 'pass-2');
    expect(shotsTaken(proc, pass2)).toBe(2);
  });
});
