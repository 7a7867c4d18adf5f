/**
 * The Content-Security-Policy of index.html: every mode runs under it without a violation and
 * without a request to another origin, and it is enforced (no eval, no inline script, nothing from
 * elsewhere). Served as a header too, it also governs the geometry worker and the service worker.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { metaPolicy, startStaticServer, type StaticServer } from '../../scripts/static-server';
import { getBrowser, pagePerTest, READY_STAGE, waitForReady, type AppPage, reach } from './helpers';
import { expectClean } from './expectations';

const open = pagePerTest();

/** Collects every CSP violation the page (or a frame) reports, from the first script on. */
const recordViolations = (context: BrowserContext) =>
  context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || e.sample || '(inline)'}`),
    );
  });

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

async function expectNoViolation(app: AppPage): Promise<void> {
  expect(await violations(app.page)).toEqual([]);
  expect(app.consoleErrors.filter((e) => /Content.Security.Policy/i.test(e))).toEqual([]);
  expectClean(app);
}

const openWithPolicy = (query: string, serviceWorkers: 'allow' | 'block' = 'block') =>
  open(query, { prepare: recordViolations, serviceWorkers });

test('the built page carries the policy: own origin only, no eval, no inline script', () => {
  const policy = metaPolicy(readFileSync(join(inject('distDir'), 'index.html'), 'utf8'));
  expect(policy).not.toBeNull();
  const directives = new Map(
    policy!.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(directives.get('connect-src')).toEqual(["'self'"]);
  expect(directives.get('worker-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  // Nothing names another origin or a wildcard anywhere.
  expect(policy).not.toMatch(/https?:|\*|'unsafe-eval'/);
});

describe('every mode under the policy', () => {
  test('consult, with the X-ray view and the share dialog (QR code and picture)', async () => {
    const app = await openWithPolicy('?p=chevron&step=10');
    await waitForReady(app);
    await app.page.locator('[data-testid="view-xray"]').click();
    await waitForReady(app);
    await (await reach(app.page, 'share')).click();
    await app.page.locator('[data-testid="share-dialog"][open]').waitFor();
    await app.page.locator('[data-testid="share-qr"]').waitFor();
    await app.page.locator('[data-testid="share-picture"]').click();
    const png = await app.page.locator('[data-testid="share-picture-link"]').getAttribute('href');
    expect(png).toMatch(/^data:image\/png;base64,/);
    await app.page.locator('[data-testid="share-close"]').click();
    await expectNoViolation(app);
  });

  test('study: the leva panel and the quiz', async () => {
    const app = await openWithPolicy('?p=chevron&mode=study&shift=40');
    await waitForReady(app);
    // Leva injects its styles at run time: its panel mirrors the link's 40.
    await app.page.waitForFunction(
      () =>
        [...document.querySelectorAll('input')].some(
          (i) => i.value === '40' && i.dataset.testid !== 'param-shift',
        ),
      undefined,
      { timeout: 60_000 },
    );
    const quiz = app.page.locator('[data-testid="quiz"]');
    // Whatever the first question is (an option to pick or steps to order), it is answered.
    await quiz.locator('[data-testid^="quiz-option-"], [data-testid^="quiz-step-"]').first().click();
    await quiz.locator('[data-testid^="quiz-option-"], [data-testid^="quiz-step-"]').first().waitFor();
    await expectNoViolation(app);
  });

  test('kiosk, with the service worker installed', async () => {
    const app = await openWithPolicy('?mode=kiosk&speed=4&langs=it,en', 'allow');
    await app.page.locator('[data-kiosk="attract"]').waitFor();
    await app.page.locator(READY_STAGE).waitFor({ state: 'attached', timeout: 90_000 });
    expect(
      await app.page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state ?? 'none'),
    ).toMatch(/activat/);
    await expectNoViolation(app);
  });

  test('embed', async () => {
    const app = await openWithPolicy('?p=hto-opening&mode=embed&step=5');
    await waitForReady(app);
    await expectNoViolation(app);
  });
});

describe('the policy is enforced', () => {
  test('no eval, no new Function, no inline script, nothing fetched from elsewhere; WebAssembly compiles', async () => {
    const app = await openWithPolicy('?region=foot');
    await waitForReady(app);
    const tried = await app.page.evaluate(async () => {
      const attempt = (f: () => unknown) => {
        try {
          f();
          return 'ran';
        } catch (e) {
          return (e as Error).name;
        }
      };
      const w = window as unknown as { inlineRan?: boolean };
      const inline = document.createElement('script');
      inline.textContent = 'window.inlineRan = true';
      document.head.append(inline);
      const handler = document.createElement('div');
      handler.setAttribute('onclick', 'window.inlineRan = true');
      handler.click();
      let elsewhere = 'ran';
      await fetch('http://127.0.0.2:9/x').catch((e: Error) => (elsewhere = e.name));
      // The smallest valid module: '\0asm' and version 1.
      const wasm = await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
        () => 'compiled',
        (e: Error) => e.name,
      );
      await new Promise((r) => setTimeout(r, 100));
      return {
        eval: attempt(() => (0, eval)('1')),
        newFunction: attempt(() => new Function('return 1')),
        timeoutString: attempt(() => setTimeout('window.inlineRan = true' as unknown as () => void, 0)),
        inlineRan: w.inlineRan ?? false,
        elsewhere,
        wasm,
      };
    });
    await app.page.waitForTimeout(200);
    expect(tried).toEqual({
      eval: 'EvalError',
      newFunction: 'EvalError',
      timeoutString: 'ran',
      inlineRan: false,
      elsewhere: 'TypeError',
      wasm: 'compiled',
    });
    const seen = await violations(app.page);
    expect(seen.some((v) => v.startsWith('script-src'))).toBe(true);
    expect(seen.some((v) => v.startsWith('connect-src'))).toBe(true);
    // The refused fetch never left the browser.
    expect(app.foreignRequests).toEqual([]);
  });
});

describe('the same policy as an HTTP header', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await startStaticServer(inject('distDir'), { cspHeader: true });
  });
  afterAll(() => server.close());

  test('the worker cuts under it (wasm compiles, eval does not), the service worker installs', async () => {
    const browser = await getBrowser();
    const context = await browser.newContext({
      viewport: { width: 640, height: 400 },
      serviceWorkers: 'allow',
    });
    try {
      await recordViolations(context);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      const response = await page.goto(`${server.url}/?p=chevron&step=10`);
      expect(response?.headers()['content-security-policy']).toBe(
        metaPolicy(readFileSync(join(inject('distDir'), 'index.html'), 'utf8')),
      );
      await page.locator(READY_STAGE).waitFor({ state: 'attached', timeout: 90_000 });
      expect(
        (await page.evaluate(() => window.__viz?.visibleNames('metatarsal1:') ?? [])).length,
      ).toBeGreaterThan(0);
      const worker = page.workers().find((w) => w.url().includes('cut-worker'));
      expect(worker).toBeDefined();
      // In a task of the worker's own (code the inspector evaluates is exempt from the policy).
      const inWorker = await worker!.evaluate(async () => {
        const seen: string[] = [];
        self.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective));
        const evalResult = await new Promise<string>((done) =>
          setTimeout(() => {
            try {
              (0, eval)('1');
              done('ran');
            } catch (e) {
              done((e as Error).name);
            }
          }, 0),
        );
        await fetch('http://127.0.0.2:9/x').catch(() => undefined);
        await new Promise((r) => setTimeout(r, 200));
        return { evalResult, seen: [...new Set(seen)].sort() };
      });
      expect(inWorker).toEqual({ evalResult: 'EvalError', seen: ['connect-src', 'script-src'] });
      expect(
        await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state ?? 'none'),
      ).toMatch(/activat/);
      expect(await violations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
