import type { WebGLRenderer } from 'three';

export interface RenderInfo {
  readonly triangles: number;
  readonly calls: number;
  readonly geometries: number;
  readonly textures: number;
}

declare global {
  interface Window {
    /** Read-only counters for the benchmark and the browser tests. */
    __viz?: { renderInfo(): RenderInfo };
  }
}

export function exposeRenderInfo(gl: WebGLRenderer): void {
  window.__viz = {
    renderInfo: () => ({
      triangles: gl.info.render.triangles,
      calls: gl.info.render.calls,
      geometries: gl.info.memory.geometries,
      textures: gl.info.memory.textures,
    }),
  };
}
