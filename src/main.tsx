// First: the downloads the first view waits for start before the rest of the app is evaluated.
import { firstRenderReady } from './app/early-loads';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AppRecovery } from './ui/AppRecovery';
import './styles.css';

// No information for the mouse alone: a title shows for a finger's tap and the keyboard's focus too
// (loaded beside the first view, not in its way).
import('./ui/title-tips').then((m) => m.showTitlesOnTapAndFocus()).catch(() => undefined);
void firstRenderReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppRecovery>
        <App />
      </AppRecovery>
    </StrictMode>,
  ),
);
