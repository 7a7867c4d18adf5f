import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AppRecovery } from './ui/AppRecovery';
import { hasWebGL } from './app/webgl-support';
import { preloadRegion } from './scene/use-region-model';
import { preloadProcedureLayer } from './scene/procedure-layer-chunk';
import { preloadStage } from './app/stage-chunk';
import { preloadProcedureUi } from './app/procedure-ui-chunk';
import { initI18n } from './i18n';
import { useSession } from './state/store';
import './styles.css';

const { region, lang } = useSession.getState();
// The bone model first: it is loaded with or without WebGL (the procedure is planned and measured on
// it), and the strings are asked for beside it.
preloadRegion(region).catch(() => undefined);
// Untranslated keys beat a blank page if the strings cannot be fetched.
const strings = initI18n(lang).catch((error: unknown) => console.warn('Strings not loaded', error));
// The 3D view's code and what is drawn with it download while the strings arrive and React starts up.
if (hasWebGL()) {
  preloadStage().catch(() => undefined);
  preloadProcedureLayer().catch(() => undefined);
}
preloadProcedureUi().catch(() => undefined);
// No information for the mouse alone: a title shows for a finger's tap and the keyboard's focus too
// (loaded beside the first view, not in its way).
import('./ui/title-tips').then((m) => m.showTitlesOnTapAndFocus()).catch(() => undefined);
void strings.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppRecovery>
        <App />
      </AppRecovery>
    </StrictMode>,
  ),
);
