/** A browser without WebGL, for the browser tests. */
import type { BrowserContext } from 'playwright-core';

/** Every WebGL context request answers null, as in a browser with WebGL turned off. */
export const withoutWebGL = (context: BrowserContext) =>
  context.addInitScript(() => {
    const disable = (proto: { getContext: (...args: never[]) => unknown }): void => {
      const original = proto.getContext;
      proto.getContext = function (this: unknown, ...args: unknown[]) {
        if (typeof args[0] === 'string' && /webgl/i.test(args[0])) return null;
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof proto.getContext;
    };
    disable(HTMLCanvasElement.prototype as never);
    if (typeof OffscreenCanvas !== 'undefined') disable(OffscreenCanvas.prototype as never);
  });
