/**
 * Runs a script through Vite's module runner instead of plain Node, so that it may import app
 * modules that use Vite's own syntax (the procedure registry finds its definitions with
 * `import.meta.glob`, which tsx does not understand).
 *
 *   npx tsx scripts/vite-run.ts scripts/bench.ts [its arguments]
 *
 * The script sees itself as `process.argv[1]` (its "run me directly" check holds) and its own
 * arguments after it. Nothing is watched or served: the process ends when the script's work does.
 */
import { resolve } from 'node:path';
import { createServer, createServerModuleRunner } from 'vite';

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: tsx scripts/vite-run.ts <script.ts> [arguments]');
  process.exit(2);
}
const file = resolve(script);
process.argv = [process.argv[0]!, file, ...args];

// The dev server marks the process as development; a script that builds the app (the bench) must
// still get a production build, with React's production code.
const nodeEnv = process.env.NODE_ENV;
const server = await createServer({
  configFile: false,
  root: resolve(import.meta.dirname, '..'),
  logLevel: 'warn',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  optimizeDeps: { noDiscovery: true, include: [] },
});
if (nodeEnv === undefined) delete process.env.NODE_ENV;
else process.env.NODE_ENV = nodeEnv;
const runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
await runner.import(file);
// The script may still be working (its main() runs after the import): close once nothing else is left.
process.once('beforeExit', () => {
  void runner.close().then(() => server.close());
});
