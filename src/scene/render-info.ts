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
      /** The sizes each tool whose name starts with prefix was built to, shown or not (Instrument). */
      toolSizes(prefix: string): { name: string; size: string; shown: boolean }[];
    };
  }
}

function shown(o: Object3D): boolean {
  for (let p: Object3D | null = o; p; p = p.parent) if (!p.visible) return false;
  return true;
}

export function exposeRenderInfo(gl: WebGLRenderer, scene: Object3D): void {
  // The counters of the last render of this scene: the renderer's own are overwritten by any other
  // render it does (the instruments' environment map is prefiltered with a few draw calls).
  const last = { triangles: 0, calls: 0 };
  scene.onAfterRender = () => {
    last.triangles = gl.info.render.triangles;
    last.calls = gl.info.render.calls;
  };
  window.__viz = {
    renderInfo: () => ({
      triangles: last.triangles,
      calls: last.calls,
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
    toolSizes: (prefix) => {
      const tools: { name: string; size: string; shown: boolean }[] = [];
      scene.traverse((o) => {
        if (o.name.startsWith(prefix) && typeof o.userData.size === 'string')
          tools.push({ name: o.name, size: o.userData.size, shown: shown(o) });
      });
      return tools;
    },
  };
}
