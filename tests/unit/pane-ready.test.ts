/**
 * A view's ready flags follow the newest reporter: the components that report them mount on a new
 * region's bones or a new canvas while the old ones may still be going, in two React roots (the
 * page's and the canvas's) whose effects run in no fixed order.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { Pane } from '../../src/scene/pane';
import { useView } from '../../src/state/view-store';

const flags = (pane: Pane) => ({
  drawn: pane.status.getState().drawn,
  cuts: pane.status.getState().cutsReady,
});

describe('ready flags of a view', () => {
  beforeEach(() => useView.setState({ drawn: false, cutsReady: false }));

  test('a reporter sets its flag once it has drawn, and takes it with it when it goes', () => {
    const pane = new Pane('main');
    const bones = {};
    pane.claim('drawn', bones);
    expect(flags(pane).drawn).toBe(false);
    pane.report('drawn', bones, true);
    expect(flags(pane)).toEqual({ drawn: true, cuts: false });
    expect(useView.getState().drawn).toBe(true);
    pane.release('drawn', bones);
    expect(flags(pane).drawn).toBe(false);
    expect(useView.getState().drawn).toBe(false);
  });

  test('the last region’s bones going after the next region’s have drawn leave the view ready', () => {
    const pane = new Pane('main');
    const foot = {};
    const knee = {};
    pane.claim('drawn', foot);
    pane.report('drawn', foot, true);
    pane.claim('drawn', knee);
    expect(useView.getState().drawn).toBe(false);
    pane.report('drawn', knee, true);
    // Late: the foot's frame callback and its unmount.
    pane.report('drawn', foot, false);
    pane.release('drawn', foot);
    expect(flags(pane).drawn).toBe(true);
    expect(useView.getState().drawn).toBe(true);
  });

  test('a reporter that has gone reports nothing more (its frame callback was already queued)', () => {
    const pane = new Pane('main');
    const old = {};
    pane.claim('cutsReady', old);
    pane.release('cutsReady', old);
    pane.report('cutsReady', old, true);
    expect(flags(pane).cuts).toBe(false);
    expect(useView.getState().cutsReady).toBe(false);
  });

  test('an app mounted again takes the main view’s flags over from the one that failed', () => {
    const failed = new Pane('main');
    const again = new Pane('main');
    const oldCuts = {};
    const newCuts = {};
    failed.claim('cutsReady', oldCuts);
    failed.report('cutsReady', oldCuts, true);
    again.claim('cutsReady', newCuts);
    again.report('cutsReady', newCuts, true);
    failed.release('cutsReady', oldCuts);
    expect(useView.getState().cutsReady).toBe(true);
    expect(flags(failed).cuts).toBe(false);
    expect(flags(again).cuts).toBe(true);
  });

  test('after a retry, the old views (still being torn down) report nothing to the page', () => {
    const old = new Pane('main');
    const bones = {};
    old.claim('drawn', bones);
    useView.getState().retry();
    expect(useView.getState().drawn).toBe(false);
    // The old canvas's queued frame callback, before its teardown.
    old.report('drawn', bones, true);
    expect(useView.getState().drawn).toBe(false);
  });

  test('a view beside the main one keeps its flags to itself', () => {
    const before = new Pane('before');
    const bones = {};
    before.claim('drawn', bones);
    before.report('drawn', bones, true);
    expect(flags(before).drawn).toBe(true);
    expect(useView.getState().drawn).toBe(false);
  });
});
