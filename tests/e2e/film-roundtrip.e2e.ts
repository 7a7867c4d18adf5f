/**
 * The round trip of issue 20: the app's own X-ray renderer draws a posed foot and a posed long leg
 * on their standing films; the image (as a PNG, and as a DICOM file with the renderer's pixel
 * spacing) is opened in the film view, the landmarks are placed where the renderer projects the
 * model's own, and the film must give back the model's angles (within 1°) and a known length (within
 * 1 mm); "Use these angles" then poses the 3D model to them.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { dicomImage, SYNTAX } from '../fixtures/film/dicom-writer';
import { clickPixel, filmBox, filmValue, giveFile, openFilmView, pickTool } from './film-page';
import {
  decodePng,
  describeProblems,
  getBrowser,
  pagePerTest,
  readMeasure,
  screenshot,
  STAGE,
  waitForReady,
  READY_STAGE,
} from './helpers';

const open = pagePerTest();
const VIEW = { viewport: { width: 1000, height: 1000 } };

type Vec3 = readonly [number, number, number];
const REST = JSON.parse(
  readFileSync(new URL('../../models/landmarks.json', import.meta.url), 'utf8'),
) as Record<string, Record<string, Record<string, Vec3>>>;

/** A rigid length the film shows unforeshortened: two landmarks, the film plane's axes (region frame). */
const inPlane = (region: string, a: [string, string], b: [string, string], axes: [number, number]) => {
  const [p, q] = [REST[region]![a[0]]![a[1]]!, REST[region]![b[0]]![b[1]]!];
  return Math.hypot(p[axes[0]]! - q[axes[0]]!, p[axes[1]]! - q[axes[1]]!);
};

const CASES = [
  {
    region: 'foot',
    angles: { hva: 32, ima: 14, dmaa: 8, hvia: 8 },
    other: 'hva=20&ima=10&dmaa=4&hvia=4',
    // The second metatarsal (the film's points 5–6), which the deformity leaves where it is: its
    // length on the dorsoplantar film (the transverse plane, X and Z).
    // Points inside a bone (the shafts' ends, the phalanges'), not on its edge.
    inBone: [0, 1, 2, 3, 4, 5, 8],
    length: { points: [4, 5], mm: inPlane('foot', ['metatarsal2', 'base'], ['metatarsal2', 'head'], [0, 2]) },
  },
  {
    region: 'knee',
    angles: { hka: 172, mpta: 82, ldfa: 88 },
    other: 'hka=178&mpta=86&ldfa=89',
    // Knee centre to ankle centre (points 4–5): the tibia, which stays in the coronal plane (X, Y).
    inBone: [3, 4],
    length: {
      points: [3, 4],
      mm: inPlane('knee', ['tibia', 'kneeCentre'], ['talus', 'ankleCentre'], [0, 1]),
    },
  },
] as const;

interface XrayFilm {
  readonly png: Buffer;
  readonly dicom: Buffer;
  /** The film landmarks, image pixels. */
  readonly points: readonly (readonly [number, number])[];
  readonly mmPerPx: number;
  /** The image's grey at image pixel (x, y), 0–255. */
  readonly greyAt: (x: number, y: number) => number;
}

/** The X-ray view's standing film as an image (controls hidden), with where the model's landmarks fall on it. */
async function drawFilm(page: Page): Promise<XrayFilm> {
  await page.locator(`${STAGE} canvas[data-xray="standing"]`).waitFor({ state: 'attached', timeout: 30_000 });
  await page.addStyleTag({ content: '.stage-bottom, .view-controls { visibility: hidden !important; }' });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const canvas = (await page.locator(`${STAGE} canvas`).first().boundingBox())!;
  const clip = {
    x: Math.ceil(canvas.x),
    y: Math.ceil(canvas.y),
    width: Math.floor(canvas.width) - 1,
    height: Math.floor(canvas.height) - 1,
  };
  const projected = await page.evaluate(() => window.__viz!.xrayLandmarks!());
  const png = await page.screenshot({ type: 'png', clip });
  const rgba = await decodePng(await getBrowser(), png, {
    x: 0,
    y: 0,
    width: clip.width,
    height: clip.height,
  });
  const grey = new Uint8Array(clip.width * clip.height);
  for (let i = 0; i < grey.length; i++) grey[i] = rgba[i * 4]!;
  const dicom = dicomImage(SYNTAX.explicitLE, {
    rows: clip.height,
    columns: clip.width,
    pixelSpacing: Number(projected.mmPerPx.toFixed(6)),
    pixels: grey,
  });
  return {
    png,
    dicom: Buffer.from(dicom),
    points: projected.points.map(([x, y]) => [x - (clip.x - canvas.x), y - (clip.y - canvas.y)] as const),
    mmPerPx: projected.mmPerPx,
    greyAt: (x, y) => grey[Math.round(y) * clip.width + Math.round(x)]!,
  };
}

/** Places every landmark on the film shown and reads the film's angles. */
async function placeAll(page: Page, points: XrayFilm['points'], ids: readonly string[]) {
  await filmBox(page);
  for (const [x, y] of points) await clickPixel(page, x, y);
  await page.locator('[data-next-landmark]').waitFor({ state: 'detached' });
  const got: Record<string, number> = {};
  for (const id of ids) got[id] = (await filmValue(page, `xr-${id}`))!;
  return got;
}

describe("the app's own X-ray, measured on the film view", () => {
  test.each(CASES)('$region: the standing film gives back the model’s angles and lengths', async (c) => {
    const ids = Object.keys(c.angles);
    const hash = ids.map((id) => `${id}=${c.angles[id as keyof typeof c.angles]}`).join('&');
    const app = await open(`?region=${c.region}&lang=en&view=xray&proj=standing#${hash}`, VIEW);
    const { page } = app;
    await waitForReady(app);
    // What the 3D model measures for this patient: the film must agree with it.
    const model: Record<string, number> = {};
    for (const id of ids) model[id] = (await readMeasure(page, `${id}-pre`))!;
    const film = await drawFilm(page);
    expect(film.points.every(([x, y]) => x > 0 && y > 0)).toBe(true);
    // The model's landmarks fall on its bones in the image: bright there, dark film around.
    const background = film.greyAt(5, 5);
    for (const i of c.inBone)
      expect(film.greyAt(...film.points[i]!), `point ${i + 1}`).toBeGreaterThan(background + 60);

    // Another patient on screen: the film's angles must visibly change the model.
    await page.goto(`${app.baseUrl}/?region=${c.region}&lang=en#${c.other}`);
    await waitForReady(app);
    await openFilmView(page);

    await giveFile(page, `${c.region}.png`, 'image/png', film.png);
    const fromPng = await placeAll(page, film.points, ids);
    await screenshot(page, `film-roundtrip-${c.region}`);
    await giveFile(page, `${c.region}.dcm`, 'application/dicom', film.dicom);
    await page.locator('[data-calibration="pixelSpacing"]').waitFor();
    const fromDicom = await placeAll(page, film.points, ids);
    await pickTool(page, 'measure-distance');
    for (const i of c.length.points) await clickPixel(page, ...film.points[i]!);
    const length = (await filmValue(page, 'xr-distance'))!;
    const errors = Object.fromEntries(
      ids.map((id) => [
        id,
        +Math.max(Math.abs(fromPng[id]! - model[id]!), Math.abs(fromDicom[id]! - model[id]!)).toFixed(2),
      ]),
    );
    console.log(
      `round trip ${c.region}: film ${JSON.stringify(fromDicom)}, model ${JSON.stringify(model)}, |film − model| per angle ${JSON.stringify(errors)}; length ${length.toFixed(1)} mm against ${c.length.mm.toFixed(1)} mm`,
    );
    for (const id of ids) {
      expect(Math.abs(fromPng[id]! - model[id]!), `${id} from the PNG`).toBeLessThan(1);
      expect(Math.abs(fromDicom[id]! - model[id]!), `${id} from the DICOM`).toBeLessThan(1);
      expect(Math.abs(model[id]! - c.angles[id as keyof typeof c.angles]), `${id} of the model`).toBeLessThan(
        1,
      );
    }
    expect(Math.abs(length - c.length.mm)).toBeLessThan(1);

    await pickTool(page, 'place-landmarks');
    await page.locator('[data-action="use-film-angles"]').click();
    await page.locator('[data-action="close-radiograph"]').click();
    await page.locator(READY_STAGE).waitFor({ state: 'attached' });
    for (const id of ids)
      expect(Math.abs((await readMeasure(page, `${id}-pre`))! - fromDicom[id]!), `${id} posed`).toBeLessThan(
        0.5,
      );
    expect(app.pageErrors, describeProblems(app)).toEqual([]);
  });
});
