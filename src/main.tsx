import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AppRecovery } from './ui/AppRecovery';
import { hasWebGL } from './app/webgl-support';
import { preloadRegion } from './scene/use-region-model';
import { preloadProcedureLayer } from './scene/RegionBones';
import { preloadProcedureUi } from './app/procedure-ui-chunk';
import { initI18n } from './i18n';
import { useSession } from './state/store';
import './styles.css';

// The bone model (and the code drawn with it) downloads while the strings arrive and React starts up.
if (hasWebGL()) {
  preloadRegion(useSession.getState().region).catch(() => undefined);
  preloadProcedureLayer().catch(() => undefined);
}
preloadProcedureUi().catch(() => undefined);
// No information for the mouse alone: a title shows for a finger's tap and the keyboard's focus too
// (loaded beside the first view, not in its way).
import('./ui/title-tips').then((m) => m.showTitlesOnTapAndFocus()).catch(() => undefined);
// Untranslated keys beat a blank page if the strings cannot be fetched.
void initI18n(useSession.getState().lang)
  .catch((error: unknown) => console.warn('Strings not loaded', error))
  .then(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <AppRecovery>
          <App />
        </AppRecovery>
      </StrictMode>,
    ),
  );
