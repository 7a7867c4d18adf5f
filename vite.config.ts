import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rollup } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The Content-Security-Policy of index.html is for the build. The dev server starts React Refresh with an
 * inline script, which the policy forbids, so there it is left out.
 */
function devWithoutCsp(): Plugin {
  return {
    name: 'dev-without-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, ''),
  };
}

/**
 * The first view's code (the app's start and the 3D view, which src/main.tsx asks for) is named in
 * index.html as module preloads: the browser fetches and compiles it beside the page's first script,
 * not once that script has run (the bones come about 20 ms sooner, bench).
 */
function preloadFirstView(modules: readonly string[]): Plugin {
  let base = '/';
  return {
    name: 'preload-first-view',
    apply: 'build',
    configResolved: (config) => void (base = config.base),
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const wanted = new Set<Rollup.OutputChunk>();
        const add = (chunk: Rollup.OutputChunk | undefined): void => {
          if (!chunk || wanted.has(chunk)) return;
          wanted.add(chunk);
          for (const file of chunk.imports) add(byFile.get(file));
        };
        for (const chunk of chunks) if (modules.some((m) => chunk.facadeModuleId?.endsWith(m))) add(chunk);
        return [...wanted]
          .filter((chunk) => !chunk.isEntry)
          .map((chunk) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: base + chunk.fileName },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    devWithoutCsp(),
    preloadFirstView(['src/app/boot.tsx', 'src/scene/Stage.tsx']),
    // Offline after the first visit (a kiosk in a waiting room): every file of the build, the bone
    // models and manifold's wasm included, is precached by a service worker.
    VitePWA({
      registerType: 'autoUpdate',
      // Registered by the app itself once the first view is on screen (src/app/service-worker.ts):
      // installing the worker downloads the whole build, which would slow that view.
      injectRegister: false,
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Osteotomy Visualizer',
        short_name: 'Osteotomy',
        description: 'Interactive 3D visualizer of foot and knee osteotomies',
        theme_color: '#1d3b4f',
        background_color: '#10202b',
        display: 'standalone',
        start_url: '.',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,glb,wasm,webmanifest}'],
        // manifold's wasm is about 0.5 MB, the foot model 0.4 MB.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        // Any address of the app (?p=…) is the same page.
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first visit is served by the worker as soon as it is installed: a kiosk may lose the
        // network before anyone reloads it.
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  assetsInclude: ['**/*.glb'],
  build: {
    target: 'es2022',
    // The bone models are fetched, never inlined into the JS.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    // Which chunks each one imports: the benchmark counts the JS the app starts with from it.
    manifest: true,
    // No preload links written at run time for each lazy chunk's imports (Vite's helper cost the
    // first view about 20 ms, most of it adding <link> elements): the first view's code is preloaded
    // by index.html (preloadFirstView), and once it is drawn the offline copy holds every chunk.
    modulePreload: false,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
