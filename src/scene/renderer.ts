import { WebGLRenderer, type WebGLRendererParameters } from 'three';
import { useView } from '../state/store';

/** What React Three Fiber hands a renderer factory: its canvas and its defaults. */
type DefaultGLProps = Omit<WebGLRendererParameters, 'canvas'> & { readonly canvas: EventTarget };

/** three.js draws only on WebGL 2 (WebGL 1 went in r163). */
const CONTEXT = 'webgl2';

/**
 * The context three.js asks for with React Three Fiber's defaults, asked for first here with the
 * same attributes: three.js's own request then gets this very context back.
 */
function contextAttributes(defaults: DefaultGLProps): WebGLContextAttributes {
  return {
    alpha: true,
    depth: true,
    stencil: false,
    antialias: defaults.antialias ?? false,
    premultipliedAlpha: true,
    preserveDrawingBuffer: false,
    powerPreference: defaults.powerPreference ?? 'default',
    failIfMajorPerformanceCaveat: false,
  };
}

/** The canvas's WebGL 2 context, made now; null where the browser has none (or refuses to make one). */
function contextOn(canvas: HTMLCanvasElement, defaults: DefaultGLProps): RenderingContext | null {
  try {
    return canvas.getContext(CONTEXT, contextAttributes(defaults));
  } catch {
    return null;
  }
}

/** Nothing to draw on: React Three Fiber waits for a renderer that never comes, and says nothing. */
const NEVER = new Promise<WebGLRenderer>(() => undefined);

/**
 * The 3D view's renderer, and the app's only test of WebGL: the view's own canvas is asked for a
 * context (no second canvas probes first, which cost the first view a context's making, 25–40 ms
 * here). Without one the app is told (`webgl: false`, which shows the explanation in place of the
 * views) and no renderer is made, so three.js logs no error. React Three Fiber takes a renderer or
 * a promise of one from the same factory; its types name the two apart, hence the cast.
 */
export const makeRenderer = ((defaults: DefaultGLProps) => {
  // The app's views are always on a page's canvas (React Three Fiber's <Canvas>).
  const canvas = defaults.canvas as HTMLCanvasElement;
  if (!contextOn(canvas, defaults)) {
    useView.setState({ webgl: false });
    return NEVER;
  }
  return new WebGLRenderer({ ...defaults, canvas });
}) as (defaults: DefaultGLProps) => WebGLRenderer;
