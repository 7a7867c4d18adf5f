/**
 * Debian's Chromium for the browser tests and the benchmark. Browsers are never downloaded by
 * playwright; a missing Chromium is installed through apt when running as root (CI), otherwise the
 * user is told how to install it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Path of Debian's Chromium binary. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for headless Chromium with WebGL through SwiftShader (software rendering). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with status ${String(result.status)}`);
  }
}

/** Makes sure /usr/bin/chromium exists, installing Debian's package when running as root. */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `Chromium is missing (${CHROMIUM_PATH}). The browser tests use Debian's Chromium; install it with:\n\n` +
        '  sudo apt-get install -y chromium\n',
    );
    process.exit(1);
  }
  console.log("Installing Debian's chromium for the browser tests (apt-get)…");
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'chromium']);
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is still missing`);
  }
}

/** Launches headless Debian Chromium with software WebGL. */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
