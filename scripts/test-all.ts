/**
 * `npm test`: typecheck, lint, unit tests, build, browser tests, stopping at the first failure.
 * Ends with a line `test: N passed, M failed` summing the unit and browser test counts.
 *
 *   npx tsx scripts/test-all.ts [--from=typecheck|eslint|prettier|unit|build|e2e]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name: string): string => join(root, 'node_modules', '.bin', name);
const reportDir = mkdtempSync(join(tmpdir(), 'test-all-'));

type Stage = {
  /** Short id for `--from=<id>`. */
  id: string;
  name: string;
  command: string;
  args: string[];
  /** vitest JSON report written by the stage, if it runs tests. */
  report?: string;
};

const jsonReporter = (file: string): string[] => [
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${file}`,
];
const unitReport = join(reportDir, 'unit.json');
const e2eReport = join(reportDir, 'e2e.json');

const stages: Stage[] = [
  { id: 'typecheck', name: 'typecheck', command: bin('tsc'), args: ['--noEmit', '-p', '.'] },
  { id: 'eslint', name: 'lint: eslint', command: bin('eslint'), args: ['.'] },
  { id: 'prettier', name: 'lint: prettier', command: bin('prettier'), args: ['--check', '.'] },
  {
    id: 'unit',
    name: 'unit tests',
    command: bin('vitest'),
    args: ['run', ...jsonReporter(unitReport)],
    report: unitReport,
  },
  { id: 'build', name: 'build', command: bin('vite'), args: ['build'] },
  {
    id: 'e2e',
    name: 'browser tests',
    command: bin('tsx'),
    args: [join(root, 'scripts', 'e2e.ts'), ...jsonReporter(e2eReport)],
    report: e2eReport,
  },
];

function runStage(stage: Stage): Promise<number> {
  return new Promise((done) => {
    const child = spawn(stage.command, stage.args, { cwd: root, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`could not start ${stage.command}: ${error.message}`);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

type Counts = { passed: number; failed: number };

function readCounts(file: string): Counts | null {
  if (!existsSync(file)) return null;
  try {
    const report = JSON.parse(readFileSync(file, 'utf8')) as {
      numPassedTests?: number;
      numFailedTests?: number;
    };
    return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0 };
  } catch {
    return null;
  }
}

// `--from=<id>` resumes at a stage (e.g. `--from=e2e` after a build), for local use.
const from = process.argv.find((arg) => arg.startsWith('--from='))?.slice('--from='.length);
const firstStage = from ? stages.findIndex((stage) => stage.id === from) : 0;
if (firstStage < 0) {
  console.error(`unknown stage ${from}; stages: ${stages.map((stage) => stage.id).join(', ')}`);
  process.exit(2);
}

const totals: Counts = { passed: 0, failed: 0 };
let failedStage: string | undefined;
const started = Date.now();

for (const stage of stages.slice(firstStage)) {
  console.log(`\n━━━ ${stage.name} ━━━ ${stage.command.replace(root + '/', '')} ${stage.args.join(' ')}`);
  const t0 = Date.now();
  const code = await runStage(stage);
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (stage.report) {
    const counts = readCounts(stage.report);
    totals.passed += counts?.passed ?? 0;
    totals.failed += counts?.failed ?? 0;
    // A test stage can fail without a failed test (a file that does not load, a global setup error):
    // count it once so the summary never reads "0 failed" for a failing run.
    if (code !== 0 && (counts?.failed ?? 0) === 0) totals.failed += 1;
  }
  console.log(`━━━ ${stage.name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${seconds} s`);
  if (code !== 0) {
    failedStage = stage.name;
    break;
  }
}

rmSync(reportDir, { recursive: true, force: true });
const total = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  failedStage ? `\nstopped at ${failedStage} after ${total} s` : `\nall stages passed in ${total} s`,
);
console.log(`test: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failedStage ? 1 : 0);
