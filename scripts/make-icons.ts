/**
 * Renders public/icon.svg to the PNG icons the web manifest lists (192 and 512 px, and a maskable
 * 512 with the safe-zone padding), with the local Chromium. Run after changing the icon:
 * `npx tsx scripts/make-icons.ts`; the PNGs are committed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './chromium';

const PUBLIC = join(import.meta.dirname, '..', 'public');

async function main(): Promise<void> {
  const svg = readFileSync(join(PUBLIC, 'icon.svg'), 'utf8');
  const browser = await launchChromium();
  try {
    for (const { name, size, padding, background } of [
      { name: 'icon-192.png', size: 192, padding: 0, background: 'transparent' },
      { name: 'icon-512.png', size: 512, padding: 0, background: 'transparent' },
      // Maskable: the platform crops to a circle or squircle; keep the drawing inside 80 %.
      { name: 'icon-maskable-512.png', size: 512, padding: 0.1, background: '#1d3b4f' },
    ]) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      const inner = size * (1 - 2 * padding);
      await page.setContent(
        `<html><body style="margin:0;background:${background};display:grid;place-items:center;height:${size}px">` +
          `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body></html>`,
      );
      await page.screenshot({ path: join(PUBLIC, name), omitBackground: background === 'transparent' });
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

void main();
