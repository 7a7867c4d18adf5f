/**
 * A view's cuts are settled for the cut asked now, not for the procedure: after a parameter that
 * re-cuts (a chevron's shift moves the trim; an Akin's wedge), the last value's fragments stay on
 * screen but the page is not ready until the new ones are in and a frame shows them. A parameter
 * that only moves fragments asks no new cut and keeps the view settled.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { RegionModel } from '../../src/anatomy/mesh';
import { caseOf } from '../../src/engine/case';
import { DEFAULT_ANGLES } from '../../src/engine/case-angles';
import { defaultParams, procedureById } from '../../src/procedures/registry';
import type { Params } from '../../src/procedures/types';
import { Pane } from '../../src/scene/pane';
import { askedCuts } from '../../src/scene/procedure/use-cut-stages';
import { cutsSettled, panePlay, readyNow, type MadeCuts } from '../../src/state/readiness';
import { appState, useSession, useView } from '../../src/state/store';
import { footMeshes } from '../../scripts/models/foot-case';

let model: RegionModel;

/** The cuts a foot operation asks of the worker with these parameters (defaults for the rest). */
function asked(procedure: string, params: Params) {
  const all = { ...defaultParams(procedureById(procedure)!), ...params };
  const state = caseOf({ model, region: 'foot', ...DEFAULT_ANGLES, procedure, params: all });
  return askedCuts(state, model);
}

/** What the worker sent back for these asked cuts (its fragments stand for themselves here). */
const madeFor = (cuts: ReturnType<typeof asked>): MadeCuts<string> =>
  new Map([...cuts].map(([part, { key }]) => [part, { key, stages: `${part} fragments` }]));

describe('cuts settled per parameter value', () => {
  beforeEach(async () => {
    // The committed foot model as the app loads it (the engine poses it; no normals needed).
    model ??= new Map(
      [...(await footMeshes())].map(([id, m]) => [
        id,
        { positions: m.positions, normals: new Float32Array(0), index: m.indices },
      ]),
    );
  });

  it('a re-cutting parameter asks a new cut of the bone it shapes; one that only moves fragments does not', () => {
    const before = asked('chevron', { shift: 30 });
    expect([...before.keys()]).toEqual(['metatarsal1']);
    expect(asked('chevron', { shift: 50 }).get('metatarsal1')!.key).not.toBe(before.get('metatarsal1')!.key);
    // The scarf's shortening slides the plantar fragment along the cut: the same cut.
    const scarf = asked('scarf', { shorten: 0 });
    expect(asked('scarf', { shorten: 2 }).get('metatarsal1')!.key).toBe(scarf.get('metatarsal1')!.key);
    // The same parameters ask the same cut again (the worker's cache answers it).
    expect(asked('chevron', { shift: 30 }).get('metatarsal1')!.key).toBe(before.get('metatarsal1')!.key);
  });

  it("the last value's fragments do not settle the new one; the new ones, or a cut that failed, do", () => {
    const was = asked('chevron', { shift: 30 });
    const now = asked('chevron', { shift: 50 });
    expect(cutsSettled(was, madeFor(was))).toBe(true);
    expect(cutsSettled(now, madeFor(was))).toBe(false);
    expect(cutsSettled(now, madeFor(now))).toBe(true);
    // A failed cut comes back as no stages under its key: the bone is shown whole, and settled.
    const failed: MadeCuts<string[]> = new Map(
      [...now].map(([part, { key }]) => [part, { key, stages: [] }]),
    );
    expect(cutsSettled(now, failed)).toBe(true);
    // An Akin added: the phalanx is cut too, and the page waits for it.
    const withAkin = asked('chevron', { shift: 50, akin: '1' });
    expect([...withAkin.keys()].sort()).toEqual(['metatarsal1', 'proximalPhalanx1']);
    expect(cutsSettled(withAkin, madeFor(now))).toBe(false);
    // Nothing to cut (no procedure): settled.
    expect(cutsSettled(new Map(), new Map())).toBe(true);
  });

  it('the page is not ready after a re-cutting slider move until the new fragments are in and drawn', () => {
    useView.setState({ status: 'ready', panes: {} });
    useSession.getState().setProcedure('chevron');
    useSession.getState().setParam('shift', 30);
    const pane = new Pane('main');
    pane.attach();
    const play = () =>
      panePlay('main', appState().session, appState().view.showingBefore, appState().session.params);
    const drawFrame = () => pane.drew(pane.facts()!.shown);
    // What ProcedureLayer does each time its case or fragments change.
    const layer = (settled: boolean) => {
      pane.settle(play(), settled);
      pane.changed();
    };
    let made = madeFor(asked('chevron', { shift: 30 }));
    layer(cutsSettled(asked('chevron', { shift: 30 }), made));
    drawFrame();
    expect(readyNow()).toBe(true);

    useSession.getState().setParam('shift', 50);
    // The view plans the new value at once; the worker has not answered: the old fragments show.
    layer(cutsSettled(asked('chevron', { shift: 50 }), made));
    drawFrame();
    expect(readyNow()).toBe(false);
    // The new fragments are in, but no frame shows them yet.
    made = madeFor(asked('chevron', { shift: 50 }));
    layer(cutsSettled(asked('chevron', { shift: 50 }), made));
    expect(readyNow()).toBe(false);
    drawFrame();
    expect(readyNow()).toBe(true);
  });
});
