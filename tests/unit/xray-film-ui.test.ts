import { describe, expect, it } from 'vitest';
import { loupe, shrink, windowLut } from '../../src/ui/film/film-raster';
import { applyFilmAngles } from '../../src/ui/film/film-angles';
import { useSession } from '../../src/state/store';

/** An ImageData for Node (the browser's class is not there): the fields the painters use. */
const imageData = (width: number, height: number) =>
  ({ width, height, data: new Uint8ClampedArray(width * height * 4) }) as unknown as ImageData;

describe('the film on screen', () => {
  it('the window maps its span from black to white, clamps outside it, and MONOCHROME1 reverses it', () => {
    const lut = windowLut(4095, 2000, 1000, false);
    expect([lut[0], lut[1500], lut[2000], lut[2500], lut[4095]]).toEqual([0, 0, 128, 255, 255]);
    const inverted = windowLut(4095, 2000, 1000, true);
    expect([inverted[1500], inverted[2500]]).toEqual([255, 0]);
  });

  it('the screen copy averages the samples it covers, and a small film stays as it is', () => {
    const grey = Uint16Array.from({ length: 16 }, (_, i) => (i % 4 < 2 ? 0 : 100));
    const small = shrink({ width: 4, height: 4, grey }, 2, 2);
    expect([small.width, small.height, ...small.grey]).toEqual([2, 2, 0, 100, 0, 100]);
    const same = { width: 4, height: 4, grey };
    expect(shrink(same, 10, 10)).toBe(same);
  });

  it('the loupe enlarges the film around a point, black beyond its edge', () => {
    const grey = Uint16Array.from({ length: 100 }, (_, i) => i);
    const out = imageData(4, 4);
    loupe({ width: 10, height: 10, grey }, windowLut(255, 127.5, 256, false), 0, 0, 4, out);
    // Top-left quarter of the loupe is outside the film; the bottom-right starts at sample (0, 0).
    expect(out.data[0]).toBe(0);
    expect(out.data[(2 * 4 + 2) * 4]).toBe(windowLut(255, 127.5, 256, false)[0]);
    expect(out.data[(3 * 4 + 3) * 4]).toBe(windowLut(255, 127.5, 256, false)[11]);
  });
});

describe('use these angles', () => {
  it('poses the foot to the film, clamping an angle beyond the model as a link would', () => {
    const { clamped } = applyFilmAngles('foot', { hva: 64.3, ima: 14, dmaa: 8.25, hvia: 8 });
    expect(useSession.getState().foot).toEqual({ hva: 60, ima: 14, dmaa: 8.25, hvia: 8 });
    expect(clamped).toEqual([{ id: 'hva', given: 64.3, used: 60, min: 0, max: 60 }]);
  });

  it('poses the knee from HKA, mMPTA and mLDFA only; the joint lines and load line follow from them', () => {
    const { applied, clamped } = applyFilmAngles('knee', { hka: 150, mpta: 82, ldfa: 88, jlca: 3, wbl: 20 });
    expect(applied).toEqual({ hka: 160, mpta: 82, ldfa: 88 });
    expect(useSession.getState().knee).toEqual({ hka: 160, mpta: 82, ldfa: 88 });
    expect(clamped.map((c) => c.id)).toEqual(['hka']);
  });

  it('leaves an angle the film does not give as it was', () => {
    useSession.getState().setFoot({ hva: 20, ima: 10, dmaa: 4, hvia: 4 });
    applyFilmAngles('foot', { hva: 30, ima: 12 });
    expect(useSession.getState().foot).toEqual({ hva: 30, ima: 12, dmaa: 4, hvia: 4 });
  });
});
