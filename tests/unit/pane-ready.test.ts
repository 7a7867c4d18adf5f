/**
 * The page's readiness is derived from what is true of the views: the model loaded, every view on
 * show has drawn a frame since what it shows last changed, with its cuts settled. A view answers
 * only for itself while it is mounted: views mounted afresh (a new canvas, an app mounted again
 * after a failure, a retry) are heard, the old ones still being torn down are not, in whichever
 * order the two React roots (the page's and the canvas's) run their effects.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { Pane } from '../../src/scene/pane';
import { isReady, panePlay, readyNow } from '../../src/state/readiness';
import { appState } from '../../src/state/store';
import { useSession } from '../../src/state/store';
import { useView } from '../../src/state/store';

/** What the session asks the view to play now. */
const asked = (pane: Pane) =>
  panePlay(pane.kind, appState().session, appState().view.showingBefore, appState().session.params);

/**
 * What a view does once it has everything on screen: its cuts settled and a frame drawn of its last
 * change (a view that no longer answers draws what it last showed).
 */
function onScreen(pane: Pane): void {
  pane.settle(asked(pane), true);
  pane.changed();
  pane.drew(pane.facts()?.shown ?? 1);
}

describe('readiness of the page', () => {
  beforeEach(() => {
    useView.setState({ status: 'ready', panes: {} });
    useSession.getState().setProcedure(null);
  });

  test('a view is on screen once a frame is drawn since its last change, with its cuts settled', () => {
    const pane = new Pane('main');
    pane.attach();
    expect(readyNow()).toBe(false);
    pane.changed();
    pane.drew(pane.facts()!.shown);
    // Drawn, but its fragments are not all there yet.
    expect(readyNow()).toBe(false);
    pane.settle(asked(pane), true);
    expect(readyNow()).toBe(true);
    // A new plan or new fragments: not ready until a frame shows them.
    pane.changed();
    expect(readyNow()).toBe(false);
    pane.drew(pane.facts()!.shown);
    expect(readyNow()).toBe(true);
    // The model of another region loading: not ready whatever the view says.
    useView.setState({ status: 'loading' });
    expect(readyNow()).toBe(false);
  });

  test('a frame drawn of an earlier change does not make the view ready after a later one', () => {
    const pane = new Pane('main');
    pane.attach();
    pane.settle(asked(pane), true);
    pane.changed();
    const drawing = pane.facts()!.shown;
    // The next region's bones mount between the frame and its callback.
    pane.changed();
    pane.drew(drawing);
    expect(readyNow()).toBe(false);
  });

  test('a view still showing the last procedure or parameters is not ready until it plays the new ones', () => {
    const pane = new Pane('main');
    pane.attach();
    onScreen(pane);
    expect(readyNow()).toBe(true);
    const anatomy = asked(pane);
    useSession.getState().setProcedure('chevron');
    expect(readyNow()).toBe(false);
    onScreen(pane);
    expect(readyNow()).toBe(true);
    // A slider moved: its fragments, drawn for the last value, are not what is asked now.
    useSession.getState().setParam('shift', 5);
    pane.changed();
    pane.drew(pane.facts()!.shown);
    expect(readyNow()).toBe(false);
    onScreen(pane);
    expect(readyNow()).toBe(true);
    // Looking at the patient before surgery, the main view plays the anatomy alone.
    useView.setState({ showingBefore: true });
    expect(readyNow()).toBe(false);
    pane.settle(anatomy, true);
    expect(readyNow()).toBe(true);
  });

  test('a view that has gone tells nothing more (its frame callback was already queued)', () => {
    const pane = new Pane('main');
    const detach = pane.attach();
    detach();
    onScreen(pane);
    expect(appState().view.panes.main).toBeUndefined();
    expect(readyNow()).toBe(false);
  });

  test('an app mounted again answers for the main view; the one that failed, going late, changes nothing', () => {
    const failed = new Pane('main');
    const detachFailed = failed.attach();
    onScreen(failed);
    const again = new Pane('main');
    again.attach();
    expect(readyNow()).toBe(false);
    onScreen(again);
    // Late: the failed view's frame callback and its unmount.
    failed.settle(asked(failed), false);
    detachFailed();
    expect(readyNow()).toBe(true);
    expect(failed.status.getState()).toEqual({ step: 0, title: null, shot: null });
  });

  test('after a retry, the old views (still being torn down) tell the page nothing', () => {
    const old = new Pane('main');
    old.attach();
    onScreen(old);
    expect(readyNow()).toBe(true);
    useView.getState().retry();
    expect(readyNow()).toBe(false);
    // The old canvas's queued frame callback, before its teardown.
    onScreen(old);
    useView.setState({ status: 'ready' });
    expect(readyNow()).toBe(false);
  });

  test('a view beside the main one answers for itself, and both must be on screen', () => {
    useSession.getState().setProcedure('chevron');
    useSession.getState().set({ compare: 'before' });
    const main = new Pane('main');
    const before = new Pane('before');
    main.attach();
    before.attach();
    onScreen(before);
    expect(readyNow()).toBe(false);
    onScreen(main);
    expect(readyNow()).toBe(true);
    // The comparison closed and opened again: the new view beside it has drawn nothing yet.
    before.attach()();
    expect(isReady(appState())).toBe(false);
    const again = new Pane('before');
    again.attach();
    expect(readyNow()).toBe(false);
    onScreen(again);
    expect(readyNow()).toBe(true);
  });
});
