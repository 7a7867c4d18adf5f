import type { Object3D, WebGLRenderer } from 'three';

export interface RenderInfo {
  readonly triangles: number;
  readonly calls: number;
  readonly geometries: number;
  readonly textures: number;
}

declare global {
  interface Window {
    /** Read-only counters for the benchmark and the browser tests. */
    __viz?: {
      renderInfo(): RenderInfo;
      /** Names of the objects on show (every ancestor visible) whose name starts with prefix. */
      visibleNames(prefix: string): string[];
      /**
       * WBL % of the pre-operative and the current load line as last drawn (the same number
       * twice with no procedure open), or null when the knee overlay is not shown. Set by the
       * overlay while it is mounted.
       */
      loadLine?: () => { pre: number; current: number } | null;
    };
  }
}

function shown(o: Object3D): boolean {
  for (let p: Object3D | null = o; p; p = p.parent) if (!p.visible) return false;
  return true;
}

export function exposeRenderInfo(gl: WebGLRenderer, scene: Object3D): void {
  window.__viz = {
    renderInfo: () => ({
      triangles: gl.info.render.triangles,
      calls: gl.info.render.calls,
      geometries: gl.info.memory.geometries,
      textures: gl.info.memory.textures,
    }),
    visibleNames: (prefix) => {
      const names: string[] = [];
      scene.traverse((o) => {
        if (o.name.startsWith(prefix) && shown(o)) names.push(o.name);
      });
      return names;
    },
  };
}
