/**
 * The app's first work, imported first by boot.tsx so that it runs before the rest of the app's
 * code is evaluated (React DOM, the app's components): the bone model, the strings and the
 * procedure's code start downloading at once, side by side, while that code is made ready.
 */
import { initI18n } from '../i18n';
import { preloadProcedureLayer } from '../scene/procedure-layer-chunk';
import { preloadRegion } from '../scene/use-region-model';
import { useSession } from '../state/store';
import { preloadProcedureUi } from './procedure-ui-chunk';
import { preloadStage } from './stage-chunk';

const { region, lang } = useSession.getState();
// The bone model (loaded with or without WebGL: the procedure is planned and measured on it), the
// strings and the procedure's panel first; the 3D view's code is already coming (main.tsx).
preloadRegion(region).catch(() => undefined);
preloadProcedureUi().catch(() => undefined);

/** The strings of the page's language (and its long texts, beside them). */
// Untranslated keys beat a blank page if the strings cannot be fetched.
export const stringsLoaded = initI18n(lang).catch((error: unknown) =>
  console.warn('Strings not loaded', error),
);

// The 3D view's code (already coming, main.tsx) and its procedure layer: the view itself finds out
// whether the browser can draw (scene/renderer.ts).
const stage = preloadStage().catch(() => undefined);
preloadProcedureLayer().catch(() => undefined);

/** How long the first render may wait for the 3D view's code on a slow network, ms. */
const STAGE_WAIT_MS = 500;

/**
 * What the page's first render waits for: its strings and the 3D view's code, so that the view's
 * canvas is made in that render, not in one after it; but on a slow network the page shows its
 * controls (and the loading progress) rather than stay blank while that code comes.
 */
export const firstRenderReady = Promise.all([
  stringsLoaded,
  Promise.race([stage, new Promise((done) => setTimeout(done, STAGE_WAIT_MS))]),
]);
