/**
 * The page's first script, kept tiny. A module runs only once every module it imports statically
 * has been fetched and evaluated, so the app's own start (boot) would otherwise come before the
 * 3D view's code is even asked for. Here the 3D view's code and the app are asked for side by side
 * (the app's later ask for the first finds it there), the model reader, a worker, is started, and
 * the words of the page's likely language are asked for.
 */
import './styles.css';
import { likelyLanguage, prefetchLanguage } from './i18n/files';
import { startModelReader } from './scene/model-reader';

/** How long before the app's code is asked for again when it could not be fetched, ms. */
const BOOT_RETRY_MS = 3000;

// A failed download here is not the app's failure: the app asks again, and shows its retry.
import('./scene/Stage').catch(() => undefined);
// Beside them, on its own thread: three.js's glTF loader, ready when the model file is in.
startModelReader();
// And the words of the language the page will most likely be in: the first view waits for them.
prefetchLanguage(likelyLanguage(window.location.search, navigator.language));

/**
 * The app itself. If its code cannot be fetched (the network went as the page loaded) the page says
 * it is loading, in both languages as none is known yet, and asks again: a kiosk is never left blank.
 */
function boot(): void {
  import('./app/boot').catch((error: unknown) => {
    console.warn('The app could not be loaded; trying again', error);
    const root = document.getElementById('root');
    if (root && !root.hasChildNodes()) root.textContent = 'Caricamento… · Loading…';
    setTimeout(boot, BOOT_RETRY_MS);
  });
}
boot();
