import type { Session } from './session-slice';
import { appState, useApp, type AppState } from './store';
import type { PaneFacts, PaneKind } from './view-slice';

/**
 * The view shown beside the main one: the patient before surgery, a compared operation, or none
 * (a comparison needs an open procedure).
 */
export function secondPane(session: Pick<Session, 'procedure' | 'compare'>): PaneKind | null {
  if (!session.procedure || !session.compare) return null;
  return session.compare === 'before' ? 'before' : 'other';
}

/** A view is on screen: a frame drawn since its last change, with every cut bone's fragments. */
const paneOnScreen = (facts: PaneFacts | undefined): boolean =>
  Boolean(facts && facts.cutsSettled && facts.drawn === facts.shown);

/**
 * The page is ready (its data-ready, the kiosk's wait): derived from what is true, in this one
 * place. The region's model is loaded, and every view on show has drawn what it shows now with its
 * fragments.
 */
export function isReady(s: AppState): boolean {
  const second = secondPane(s.session);
  const { status, panes } = s.view;
  return status === 'ready' && paneOnScreen(panes.main) && (!second || paneOnScreen(panes[second]));
}

/** Whether the page is ready (see isReady), for a component. */
export const useReady = (): boolean => useApp(isReady);

/** Whether the page is ready now (see isReady), outside React. */
export const readyNow = (): boolean => isReady(appState());
