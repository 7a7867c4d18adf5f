/**
 * The page's first script, kept tiny. A module runs only once every module it imports statically
 * has been fetched and evaluated, so the app's own start (boot) would otherwise come before the
 * 3D view's code is even asked for. Here the 3D view, the model reader and the app are asked for
 * side by side; the app's later asks for the first two find them already there.
 */
import './styles.css';

// A failed download here is not the app's failure: the app asks again, and shows its retry.
import('./scene/Stage').catch(() => undefined);
import('./scene/load-region-model').catch(() => undefined);
import('./app/boot').catch((error: unknown) => console.error('The app could not be loaded', error));
