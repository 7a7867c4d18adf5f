import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { hasWebGL } from './app/webgl-support';
import { preloadRegion } from './scene/use-region-model';
import { initI18n } from './i18n';
import { useSession } from './state/session-store';
import './styles.css';

initI18n(useSession.getState().lang);
// The bone model downloads and decodes while React starts up.
if (hasWebGL()) preloadRegion(useSession.getState().region).catch(() => undefined);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
