/**
 * Films made in the test, in Node: a forefoot drawn with its landmarks placed for known angles (a
 * right foot, the big toe on the left, toes up, as a dorsoplantar film shows it), written as a PNG
 * and as a DICOM file with a known pixel spacing.
 */
import { deflateSync } from 'node:zlib';

type P = readonly [number, number];

const rad = (deg: number) => (deg * Math.PI) / 180;
/** A direction `deg` degrees from straight up (distal), positive towards lateral (+x). */
const dir = (deg: number): P => [Math.sin(rad(deg)), -Math.cos(rad(deg))];
const along = (from: P, d: P, length: number): P => [from[0] + d[0] * length, from[1] + d[1] * length];

/** The angles the drawn foot has, in the app's conventions (CLINICAL §1, §6). */
export const FOOT_ANGLES = { hva: 32, ima: 14, dmaa: 8, hvia: 8 } as const;

/** The film's size, pixels. */
export const FOOT_SIZE = { width: 600, height: 900 } as const;

/**
 * The ten foot landmarks in issue 20's order, image pixels: M1 base, head; P1 base, head; M2 base,
 * head; the medial and lateral ends of M1's head's articular surface; the distal phalanx's base, tip.
 * M2 runs straight up; M1 leans medially by the IMA; P1 laterally from M1 by the HVA; the distal
 * phalanx on from P1 by the HVIA; the articular surface tilts from M1's perpendicular by the DMAA,
 * facing laterally (its lateral end nearer the base).
 */
export function footLandmarks(a = FOOT_ANGLES): P[] {
  const m2Base: P = [360, 820];
  const m2Head = along(m2Base, dir(0), 380);
  const m1Base: P = [280, 820];
  const m1 = dir(-a.ima);
  const m1Head = along(m1Base, m1, 360);
  const p1 = dir(-a.ima + a.hva);
  const p1Base = along(m1Head, p1, 50);
  const p1Head = along(p1Base, p1, 150);
  const p2 = dir(-a.ima + a.hva + a.hvia);
  const p2Base = along(p1Head, p2, 36);
  const p2Tip = along(p2Base, p2, 90);
  // The surface's direction, medial to lateral: M1's perpendicular turned by the DMAA.
  const surface = dir(-a.ima + 90 + a.dmaa);
  const centre = along(m1Head, m1, 24);
  const medial = along(centre, surface, -46);
  const lateral = along(centre, surface, 46);
  return [m1Base, m1Head, p1Base, p1Head, m2Base, m2Head, medial, lateral, p2Base, p2Tip];
}

/** A grey film (0–max) with the bones drawn as bright rods between their landmarks. */
function drawFoot(points: readonly P[], max: number): Uint16Array {
  const { width, height } = FOOT_SIZE;
  const grey = new Uint16Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) grey[y * width + x] = Math.round(max * (0.08 + 0.06 * (y / height)));
  const rods: [P, P, number][] = [
    [points[0]!, points[1]!, 26],
    [points[2]!, points[3]!, 20],
    [points[4]!, points[5]!, 18],
    [points[8]!, points[9]!, 16],
  ];
  for (const [a, b, r] of rods) {
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
    const len2 = dx * dx + dy * dy;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / len2));
        const d = Math.hypot(x - (a[0] + t * dx), y - (a[1] + t * dy));
        if (d < r) grey[y * width + x] = Math.round(max * (0.75 - 0.25 * (d / r)));
      }
  }
  return grey;
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const x of bytes) {
    c ^= x;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit greyscale PNG of `grey` (one byte a pixel, row by row). */
export function encodeGreyPng(width: number, height: number, grey: ArrayLike<number>): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bits per sample; colour type 0 (grey), no interlace
  // Each row starts with its filter byte (0: none).
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = grey[y * width + x]!;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The drawn foot as an 8-bit greyscale PNG. */
export function footPng(): Buffer {
  const { width, height } = FOOT_SIZE;
  return encodeGreyPng(width, height, drawFoot(footLandmarks(), 255));
}

/** One data element, explicit VR little endian. */
function element(group: number, el: number, vr: string, value: Buffer): Buffer {
  const padded = value.length % 2 ? Buffer.concat([value, Buffer.from([vr === 'UI' ? 0 : 0x20])]) : value;
  const long = ['OB', 'OW', 'UN', 'SQ', 'UT'].includes(vr);
  const head = Buffer.alloc(long ? 12 : 8);
  head.writeUInt16LE(group, 0);
  head.writeUInt16LE(el, 2);
  head.write(vr, 4, 'latin1');
  if (long) head.writeUInt32LE(padded.length, 8);
  else head.writeUInt16LE(padded.length, 6);
  return Buffer.concat([head, padded]);
}
const text = (s: string) => Buffer.from(s, 'latin1');
const us = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};

/**
 * The drawn foot as a DICOM Part 10 file (explicit VR little endian, 12 bits stored in 16,
 * MONOCHROME2) with Pixel Spacing `mm` and the patient's name, ID and birth date in its header;
 * with `frames`, that many copies of the image as frames.
 */
export function footDicom(mm: number, frames = 1): Buffer {
  const { width, height } = FOOT_SIZE;
  const one = drawFoot(footLandmarks(), 4095);
  const grey = new Uint16Array(one.length * frames);
  for (let f = 0; f < frames; f++) grey.set(one, f * one.length);
  const syntax = '1.2.840.10008.1.2.1';
  const sop = '1.2.840.10008.5.1.4.1.1.1.1';
  const metaBody = Buffer.concat([
    element(0x0002, 0x0001, 'OB', Buffer.from([0, 1])),
    element(0x0002, 0x0002, 'UI', text(sop)),
    element(0x0002, 0x0003, 'UI', text('1.2.3.4.5.6.7')),
    element(0x0002, 0x0010, 'UI', text(syntax)),
  ]);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(metaBody.length);
  const pixels = Buffer.alloc(grey.length * 2);
  grey.forEach((v, i) => pixels.writeUInt16LE(v, i * 2));
  const dataset = Buffer.concat([
    element(0x0008, 0x0016, 'UI', text(sop)),
    element(0x0010, 0x0010, 'PN', text('ROSSI^MARIO')),
    element(0x0010, 0x0020, 'LO', text('PAT-0042')),
    element(0x0010, 0x0030, 'DA', text('19600101')),
    element(0x0028, 0x0002, 'US', us(1)),
    element(0x0028, 0x0004, 'CS', text('MONOCHROME2')),
    ...(frames > 1 ? [element(0x0028, 0x0008, 'IS', text(String(frames)))] : []),
    element(0x0028, 0x0010, 'US', us(height)),
    element(0x0028, 0x0011, 'US', us(width)),
    element(0x0028, 0x0030, 'DS', text(`${mm}\\${mm}`)),
    element(0x0028, 0x0100, 'US', us(16)),
    element(0x0028, 0x0101, 'US', us(12)),
    element(0x0028, 0x0102, 'US', us(11)),
    element(0x0028, 0x0103, 'US', us(0)),
    element(0x0028, 0x1050, 'DS', text('2048')),
    element(0x0028, 0x1051, 'DS', text('4096')),
    element(0x7fe0, 0x0010, 'OW', pixels),
  ]);
  return Buffer.concat([
    Buffer.alloc(128),
    text('DICM'),
    element(0x0002, 0x0000, 'UL', length),
    metaBody,
    dataset,
  ]);
}
