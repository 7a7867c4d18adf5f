/**
 * Browser tests: makes sure Debian's Chromium is installed, then runs vitest with the e2e config.
 * Extra arguments are passed to vitest (e.g. a file filter or --reporter options).
 *
 *   npx tsx scripts/e2e.ts [vitest args…]
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { ensureChromium } from './chromium';

ensureChromium();

const root = resolve(import.meta.dirname, '..');
const vitest = resolve(root, 'node_modules/.bin/vitest');
const child = spawn(vitest, ['run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
child.on('error', (error) => {
  console.error(`could not start vitest: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
