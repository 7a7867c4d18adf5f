/**
 * The app's start (main.tsx asks for it beside the 3D view's code): the first view's downloads,
 * then the page's first render once its strings and that code are in.
 */
// First: the downloads the first view waits for start before the rest of the app is evaluated.
import { firstRenderReady } from './early-loads';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppRecovery } from '../ui/AppRecovery';
import { registerServiceWorkerLater } from './service-worker';

// No information for the mouse alone: a title shows for a finger's tap and the keyboard's focus too
// (loaded beside the first view, not in its way).
import('../ui/title-tips').then((m) => m.showTitlesOnTapAndFocus()).catch(() => undefined);
registerServiceWorkerLater();
void firstRenderReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppRecovery>
        <App />
      </AppRecovery>
    </StrictMode>,
  ),
);
