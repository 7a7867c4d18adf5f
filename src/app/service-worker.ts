/**
 * The service worker that keeps the app offline (a kiosk in a waiting room) is registered once the
 * first view is on screen, not at the page's load: installing it downloads every file of the build
 * (about 4 MB, the cut engine's wasm and both bone models among them), which on a first visit
 * would compete with the first view for the processor and the network.
 */

/**
 * The longest the registration waits for the first view: a page that never gets ready (no WebGL,
 * a model that cannot load) still works offline next time.
 */
const FIRST_VIEW_WAIT_MS = 10_000;

let registered = false;

function register(): void {
  if (registered) return;
  registered = true;
  // The development server has no worker to register (vite-plugin-pwa builds it).
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const base = import.meta.env.BASE_URL;
  navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch((error: unknown) => {
    // Without it the app still works online; it is only not kept for offline use.
    console.warn('The offline copy could not be installed', error);
  });
}

/** Registers when the browser is next idle (so the first view's last frame is not delayed). */
export function registerServiceWorker(): void {
  if (registered) return;
  if ('requestIdleCallback' in window) requestIdleCallback(register, { timeout: 2000 });
  else setTimeout(register, 0);
}

/** Registers after FIRST_VIEW_WAIT_MS at the latest, whatever the first view does. */
export function registerServiceWorkerLater(): void {
  setTimeout(registerServiceWorker, FIRST_VIEW_WAIT_MS);
}
