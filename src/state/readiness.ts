import type { Params } from '../procedures/types';
import { comparedParams } from './compare';
import type { Session } from './session-slice';
import { appState, useApp, type AppState } from './store';
import type { PaneFacts, PaneKind, PanePlay } from './view-slice';

/**
 * The view shown beside the main one: the patient before surgery, a compared operation, or none
 * (a comparison needs an open procedure).
 */
export function secondPane(session: Pick<Session, 'procedure' | 'compare'>): PaneKind | null {
  if (!session.procedure || !session.compare) return null;
  return session.compare === 'before' ? 'before' : 'other';
}

const NONE: Params = {};

/**
 * What a view is asked to play: the main view the open procedure (nothing while the user looks at
 * "before"), the view before surgery the anatomy alone, the compared view the compared operation
 * with the parameters it shares with the open one. `params` are the open procedure's (a view plans
 * with their deferred value while a slider moves).
 */
export function panePlay(
  kind: PaneKind,
  session: Pick<Session, 'procedure' | 'compare'>,
  showingBefore: boolean,
  params: Params,
): PanePlay {
  if (kind === 'main') return { procedure: showingBefore ? null : session.procedure, params };
  if (kind === 'before' || !session.compare) return { procedure: null, params: NONE };
  return { procedure: session.compare, params: comparedParams(session.compare, params) };
}

/** A view's cut bones as the worker made them, by part: the cut's key and what came of it. */
export type MadeCuts<T> = ReadonlyMap<string, { readonly key: string; readonly stages: T }>;

/**
 * Every bone the view's case cuts has the fragments of the cut asked now (by part, the cut's key):
 * after a parameter that re-cuts (a wedge's angle) the last value's fragments stay on screen until
 * the new ones come, and they do not settle the view. A cut that failed came back as no stages
 * under its key: it is settled (the bone is shown whole).
 */
export function cutsSettled(
  asked: ReadonlyMap<string, { readonly key: string }>,
  made: MadeCuts<unknown>,
): boolean {
  for (const [part, { key }] of asked) if (made.get(part)?.key !== key) return false;
  return true;
}

/** The view's fragments, tools and clock are made for what the session asks of it now. */
function playsAsAsked(kind: PaneKind, plays: PanePlay | null, s: AppState): boolean {
  const asked = panePlay(kind, s.session, s.view.showingBefore, s.session.params);
  return (
    plays !== null &&
    plays.procedure === asked.procedure &&
    (asked.procedure === null || plays.params === asked.params)
  );
}

/**
 * A view is on screen: it plays what the session asks, with every cut bone's fragments, and a frame
 * has been drawn since its last change.
 */
function paneOnScreen(kind: PaneKind, s: AppState): boolean {
  const facts: PaneFacts | undefined = s.view.panes[kind];
  return Boolean(
    facts && facts.cutsSettled && facts.drawn === facts.shown && playsAsAsked(kind, facts.plays, s),
  );
}

/**
 * The page is ready (its data-ready, the kiosk's wait): derived from what is true, in this one
 * place. The region's model is loaded, and every view on show plays what the session asks, with
 * its fragments, in a frame drawn since its last change.
 */
export function isReady(s: AppState): boolean {
  const second = secondPane(s.session);
  return s.view.status === 'ready' && paneOnScreen('main', s) && (!second || paneOnScreen(second, s));
}

/** Whether the page is ready (see isReady), for a component. */
export const useReady = (): boolean => useApp(isReady);

/** Whether the page is ready now (see isReady), outside React. */
export const readyNow = (): boolean => isReady(appState());
