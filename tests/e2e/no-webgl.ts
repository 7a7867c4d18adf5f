/** A browser without WebGL, for the browser tests. */
import type { BrowserContext } from 'playwright-core';

/** Every WebGL context request answers null, as in a browser with WebGL turned off. */
export const withoutWebGL = (context: BrowserContext) => refusing(context, 'webgl');

/** WebGL 2 requests answer null, WebGL 1 ones work: an old browser, or an old graphics driver. */
export const withWebGL1Only = (context: BrowserContext) => refusing(context, 'webgl2');

/** Context requests whose type starts with `kind` answer null, on page canvases and offscreen ones. */
const refusing = (context: BrowserContext, kind: string) =>
  context.addInitScript((refused: string) => {
    const disable = (proto: { getContext: (...args: never[]) => unknown }): void => {
      const original = proto.getContext;
      proto.getContext = function (this: unknown, ...args: unknown[]) {
        if (typeof args[0] === 'string' && args[0].toLowerCase().startsWith(refused)) return null;
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof proto.getContext;
    };
    disable(HTMLCanvasElement.prototype as never);
    if (typeof OffscreenCanvas !== 'undefined') disable(OffscreenCanvas.prototype as never);
  }, kind);
