/**
 * A knee operation opened on a knee of the other deformity (a DFO on the default bow leg, an HTO on
 * a knock knee) shows its typical case with a notice, unless the link gives the patient's angles;
 * from that case the operation corrects the knee.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { KNEE_DEFORMITY, TYPICAL_KNEE, defaults, kneeHas } from '../../src/clinical/deformity-params';
import type { RegionModel } from '../../src/anatomy/mesh';
import { caseOf } from '../../src/engine/case';
import { DEFAULT_ANGLES } from '../../src/engine/case-angles';
import { defaultParams, PROCEDURES, procedureById } from '../../src/procedures/registry';
import { useSession } from '../../src/state/store';
import { sessionFromUrl, sessionToUrl } from '../../src/state/session-slice';
import { kneeMeshes } from '../../scripts/models/knee-case';

const DEFAULT_KNEE = defaults(KNEE_DEFORMITY);

describe('a knee operation on the other deformity', () => {
  it('every knee osteotomy says which deformity it treats; the typical cases have it', () => {
    const knee = PROCEDURES.filter((p) => p.region === 'knee' && !p.keepsAlignment);
    expect(knee.map((p) => [p.id, p.treats])).toEqual([
      ['hto-opening', 'varus'],
      ['hto-closing', 'varus'],
      ['dfo-opening', 'valgus'],
      ['dfo-closing', 'valgus'],
    ]);
    expect(kneeHas('varus', TYPICAL_KNEE.varus)).toBe(true);
    expect(kneeHas('valgus', TYPICAL_KNEE.valgus)).toBe(true);
    // CLINICAL §2: the default valgus case for a DFO.
    expect(TYPICAL_KNEE.valgus).toMatchObject({ hka: 188, ldfa: 80 });
  });

  it('a link opens a DFO on its typical knock knee with a notice, unless it gives the angles', () => {
    for (const id of ['dfo-opening', 'dfo-closing']) {
      const s = sessionFromUrl(`?p=${id}`, '');
      expect(s.knee).toEqual(TYPICAL_KNEE.valgus);
      expect(s.notices).toEqual([{ param: 'p', kind: 'typicalCase', given: id, used: 'valgus' }]);
      // The address it writes keeps that knee, and reads back without a notice.
      const url = sessionToUrl(s);
      const [search, hash] = url.split('#');
      const again = sessionFromUrl(search!, hash ?? '');
      expect(again.knee).toEqual(s.knee);
      expect(again.notices).toEqual([]);
    }
    const given = sessionFromUrl('?p=dfo-opening', '#hka=172');
    expect(given.knee).toEqual(DEFAULT_KNEE);
    expect(given.notices).toEqual([]);
    const hto = sessionFromUrl('?p=hto-opening', '');
    expect(hto.knee).toEqual(DEFAULT_KNEE);
    expect(hto.notices).toEqual([]);
    const htoOnValgus = sessionFromUrl('?p=hto-closing', '#hka=188&mpta=87&ldfa=80');
    expect(htoOnValgus.knee.hka).toBe(188);
    expect(htoOnValgus.notices).toEqual([]);
  });

  describe('choosing one in the app', () => {
    beforeEach(() => useSession.setState(sessionFromUrl('?region=knee', '')));

    it('switches to its typical case with a notice; back to an HTO, to the typical bow leg', () => {
      useSession.getState().setProcedure('dfo-opening');
      expect(useSession.getState().knee).toEqual(TYPICAL_KNEE.valgus);
      expect(useSession.getState().notices.map((n) => n.kind)).toEqual(['typicalCase']);
      // Another DFO on the knock knee changes nothing.
      useSession.getState().dismissNotices();
      useSession.getState().setProcedure('dfo-closing');
      expect(useSession.getState().knee).toEqual(TYPICAL_KNEE.valgus);
      expect(useSession.getState().notices).toEqual([]);
      useSession.getState().setProcedure('hto-opening');
      expect(useSession.getState().knee).toEqual(TYPICAL_KNEE.varus);
      expect(useSession.getState().notices.map((n) => n.used)).toEqual(['varus']);
      // One word on the case at a time, however many switches (a kiosk's day).
      for (let i = 0; i < 5; i++) {
        useSession.getState().setProcedure('dfo-opening');
        useSession.getState().setProcedure('hto-closing');
      }
      expect(useSession.getState().notices).toHaveLength(1);
      useSession.getState().setProcedure('hto-opening');
      expect(useSession.getState().notices).toEqual([]);
    });

    it('keeps a patient whose knee has the deformity', () => {
      useSession.getState().setKnee({ hka: 184, mpta: 87, ldfa: 84 });
      useSession.getState().setProcedure('dfo-closing');
      expect(useSession.getState().knee).toEqual({ hka: 184, mpta: 87, ldfa: 84 });
      expect(useSession.getState().notices).toEqual([]);
    });
  });

  it('from its typical case each DFO corrects more than 5° and removes or opens a wedge', async () => {
    // The committed knee model as the app loads it (the engine poses and measures it; no normals needed).
    const model: RegionModel = new Map(
      [...(await kneeMeshes())].map(([id, m]) => [
        id,
        { positions: m.positions, normals: new Float32Array(0), index: m.indices },
      ]),
    );
    const knee = TYPICAL_KNEE.valgus;
    for (const id of ['dfo-opening', 'dfo-closing']) {
      const params = defaultParams(procedureById(id)!);
      const planned = caseOf({
        model,
        region: 'knee',
        foot: DEFAULT_ANGLES.foot,
        knee,
        procedure: id,
        params,
      });
      const { values, post, warnings, pre } = planned!;
      expect(values.alpha!, id).toBeGreaterThan(5);
      expect(values.gap!, id).toBeGreaterThan(3);
      expect(warnings).not.toContain('warn.knee.otherProcedure');
      // Towards neutral (CLINICAL §2 planning: WBL ~50 % for a valgus knee).
      expect(Math.abs(post.hka! - 180)).toBeLessThan(Math.abs(pre.hka! - 180));
    }
  });
});
