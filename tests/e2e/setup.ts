/**
 * Global setup of the browser tests: makes sure Debian's Chromium is present, serves dist/ on
 * 127.0.0.1 and hands the base URL to the tests through vitest's provide/inject.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from '../../scripts/chromium';
import { startStaticServer } from '../../scripts/static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the static server that serves dist/, without a trailing slash. */
    baseUrl: string;
    /** Absolute path of the served build folder. */
    distDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // E2E_DIST serves another build folder (e.g. to check the harness itself).
  const distDir = resolve(project.config.root, process.env.E2E_DIST ?? 'dist');
  if (!existsSync(resolve(distDir, 'index.html'))) {
    throw new Error(`${distDir}/index.html is missing: run npm run build first`);
  }
  ensureChromium();
  const server = await startStaticServer(distDir);
  project.provide('baseUrl', server.url);
  project.provide('distDir', distDir);
  return () => server.close();
}
