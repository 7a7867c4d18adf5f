import { describe, expect, it } from 'vitest';
import { canCompare, comparableWith, comparedParams } from '../../src/state/compare';
import { useSession } from '../../src/state/store';
import { sessionFromUrl, sessionToUrl } from '../../src/state/session-slice';
import { useView } from '../../src/state/store';
import { usePlayback } from '../../src/state/playback-store';
import { defaultParams, procedureById } from '../../src/procedures/registry';

describe('comparing two views on one patient', () => {
  it('allows the patient before surgery and other operations on the same region only', () => {
    expect(canCompare('chevron', 'before')).toBe(true);
    expect(canCompare('chevron', 'scarf')).toBe(true);
    expect(canCompare('chevron', 'chevron')).toBe(false);
    expect(canCompare('chevron', 'hto-opening')).toBe(false);
    expect(canCompare(null, 'before')).toBe(false);
    expect(canCompare('hto-opening', 'nonsense')).toBe(false);
    expect(comparableWith('hto-opening')).toEqual([
      'before',
      'hto-closing',
      'dfo-opening',
      'dfo-closing',
      'cementoplasty',
    ]);
  });

  it("gives the compared operation the open one's values where both have the parameter", () => {
    const closing = comparedParams('hto-closing', { target: 55, hinge: 8, angle: 0, graft: 'none' });
    expect(closing.target).toBe(55);
    expect(closing.hinge).toBe(8);
    // Its own choices keep their defaults.
    expect(closing.fibula).toBe('release');
    // An out-of-range value is not carried over: the compared one keeps its default.
    const scarf = comparedParams('scarf', { shift: 1000 });
    expect(scarf.shift).toBe(defaultParams(procedureById('scarf')!).shift);
    // One object per (operation, parameters): the view and the panel share its plan.
    const main = { target: 55 };
    expect(comparedParams('hto-closing', main)).toBe(comparedParams('hto-closing', main));
  });

  it('reads `vs` from a link, ignores one that cannot be compared with a notice, and writes it back', () => {
    const s = sessionFromUrl('?p=hto-opening&vs=hto-closing', '');
    expect(s.compare).toBe('hto-closing');
    expect(sessionToUrl(s)).toContain('vs=hto-closing');
    const wrong = sessionFromUrl('?p=chevron&vs=hto-closing', '');
    expect(wrong.compare).toBeNull();
    expect(wrong.notices).toContainEqual(expect.objectContaining({ param: 'vs', kind: 'invalid' }));
    const before = sessionFromUrl('?p=chevron&vs=BEFORE', '');
    expect(before.compare).toBe('before');
    expect(sessionFromUrl('?vs=before', '').compare).toBeNull();
    expect(sessionToUrl(sessionFromUrl('?p=chevron', ''))).not.toContain('vs=');
  });

  it('the view shows the operation again, not the patient before it, when the operation or the comparison changes or it plays', () => {
    const before = () => useView.setState({ showingBefore: true });
    before();
    useSession.getState().setProcedure('scarf');
    expect(useView.getState().showingBefore).toBe(false);
    before();
    useSession.getState().set({ compare: 'chevron' });
    expect(useView.getState().showingBefore).toBe(false);
    before();
    usePlayback.getState().play();
    expect(useView.getState().showingBefore).toBe(false);
  });
});
