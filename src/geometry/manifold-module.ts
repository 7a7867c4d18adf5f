import Module from 'manifold-3d';

export type ManifoldToplevel = Awaited<ReturnType<typeof Module>>;

let loading: Promise<ManifoldToplevel> | undefined;

/**
 * Loads the manifold-3d wasm once. In the browser pass the wasm URL that Vite emitted; in Node the
 * package finds its own file.
 */
export function loadManifold(wasmUrl?: string): Promise<ManifoldToplevel> {
  loading ??= Module(wasmUrl ? { locateFile: () => wasmUrl } : undefined).then((wasm) => {
    wasm.setup();
    return wasm;
  });
  return loading;
}
