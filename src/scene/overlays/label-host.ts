/**
 * Where scene labels go: the element the 3D view fills (the parent of the box R3F wraps its canvas
 * in), so they lie over the view, and the X-ray view hides them all, the canvas's box aside.
 */
export const labelHost = (canvas: HTMLCanvasElement): HTMLElement | null =>
  canvas.parentElement?.parentElement ?? null;
