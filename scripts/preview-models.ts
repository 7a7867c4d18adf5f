/**
 * Developer preview of the bone shapes without a browser: meshes a region's SDF bones and draws
 * shaded orthographic views into a PNG, so anatomy can be checked by eye while it is modelled.
 *
 *   npx tsx scripts/preview-models.ts foot [out.png] [boneId,boneId]
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { loadManifold } from '../src/geometry/manifold-module';
import { meshBone, type BoneMesh } from '../src/geometry/level-set';
import { regionBones } from '../src/anatomy/regions';
import type { Region } from '../src/anatomy/types';

type View = { name: string; right: [number, number, number]; up: [number, number, number] };

const VIEWS: Record<Region, View[]> = {
  foot: [
    { name: 'dorsal', right: [-1, 0, 0], up: [0, 0, 1] },
    { name: 'medial', right: [0, 0, -1], up: [0, 1, 0] },
    { name: 'lateral', right: [0, 0, 1], up: [0, 1, 0] },
  ],
  knee: [
    { name: 'anterior', right: [1, 0, 0], up: [0, 1, 0] },
    { name: 'lateral', right: [0, 0, 1], up: [0, 1, 0] },
    { name: 'medial', right: [0, 0, -1], up: [0, 1, 0] },
  ],
};

function crc32(buf: Uint8Array): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function png(width: number, height: number, rgb: Uint8Array): Buffer {
  const chunk = (type: string, data: Uint8Array): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), Buffer.from(data)]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

function draw(meshes: BoneMesh[], view: View, size: number, rgb: Uint8Array, ox: number, W: number): void {
  // Camera basis is right-handed: right × up points at the viewer.
  const fwd = [
    view.right[1] * view.up[2] - view.right[2] * view.up[1],
    view.right[2] * view.up[0] - view.right[0] * view.up[2],
    view.right[0] * view.up[1] - view.right[1] * view.up[0],
  ];
  const proj = (x: number, y: number, z: number) => [
    x * view.right[0] + y * view.right[1] + z * view.right[2],
    x * view.up[0] + y * view.up[1] + z * view.up[2],
    x * fwd[0]! + y * fwd[1]! + z * fwd[2]!,
  ];
  let minU = Infinity, maxU = -Infinity, minV = Infinity, maxV = -Infinity; // prettier-ignore
  for (const m of meshes)
    for (let i = 0; i < m.positions.length; i += 3) {
      const [u, v] = proj(m.positions[i]!, m.positions[i + 1]!, m.positions[i + 2]!);
      minU = Math.min(minU, u!);
      maxU = Math.max(maxU, u!);
      minV = Math.min(minV, v!);
      maxV = Math.max(maxV, v!); // prettier-ignore
    }
  const s = (size - 20) / Math.max(maxU - minU, maxV - minV);
  const zbuf = new Float32Array(size * size).fill(-Infinity);
  meshes.forEach((m, mi) => {
    const hue = [0.93 - (mi % 5) * 0.03, 0.9 - (mi % 3) * 0.04, 0.8];
    for (let t = 0; t < m.indices.length; t += 3) {
      const pts = [0, 1, 2].map((k) => {
        const i = m.indices[t + k]! * 3;
        const [u, v, w] = proj(m.positions[i]!, m.positions[i + 1]!, m.positions[i + 2]!);
        const n = proj(m.normals[i]!, m.normals[i + 1]!, m.normals[i + 2]!);
        return {
          x: 10 + (u! - minU) * s,
          y: size - 10 - (v! - minV) * s,
          z: w!,
          l: Math.max(0.15, n[2]! * 0.8 + n[1]! * 0.2),
        };
      });
      const [a, b, c] = pts as [(typeof pts)[0], (typeof pts)[0], (typeof pts)[0]];
      const area = (b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y);
      if (area === 0) continue;
      const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x, c.x)));
      const x1 = Math.min(size - 1, Math.ceil(Math.max(a.x, b.x, c.x)));
      const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y, c.y)));
      const y1 = Math.min(size - 1, Math.ceil(Math.max(a.y, b.y, c.y)));
      for (let y = y0; y <= y1; y++)
        for (let x = x0; x <= x1; x++) {
          const w0 = ((b.x - x) * (c.y - y) - (c.x - x) * (b.y - y)) / area;
          const w1 = ((c.x - x) * (a.y - y) - (a.x - x) * (c.y - y)) / area;
          const w2 = 1 - w0 - w1;
          if (w0 < 0 || w1 < 0 || w2 < 0) continue;
          const z = w0 * a.z + w1 * b.z + w2 * c.z;
          if (z <= zbuf[y * size + x]!) continue;
          zbuf[y * size + x] = z;
          const l = w0 * a.l + w1 * b.l + w2 * c.l;
          const o = (y * W + ox + x) * 3;
          rgb[o] = 255 * l * hue[0]!;
          rgb[o + 1] = 255 * l * hue[1]!;
          rgb[o + 2] = 255 * l * hue[2]!;
        }
    }
  });
}

const region = (process.argv[2] ?? 'foot') as Region;
const out = process.argv[3] ?? `/tmp/preview-${region}.png`;
const only = process.argv[4]?.split(',');
const wasm = await loadManifold();
const bones = regionBones(region).filter((b) => (only ? only.includes(b.id) : !b.soft));
const meshes = bones.map((b) => {
  const m = meshBone(wasm, b);
  console.log(
    `${b.id.padEnd(24)} tris ${String(m.indices.length / 3).padStart(6)} genus ${m.genus} shells ${m.shells} vol ${m.volume.toFixed(0)}`,
  );
  return m;
});
const size = 700;
const views = VIEWS[region];
const W = size * views.length;
const rgb = new Uint8Array(W * size * 3).fill(40);
views.forEach((v, i) => draw(meshes, v, size, rgb, i * size, W));
writeFileSync(out, png(W, size, rgb));
console.log(`wrote ${out} (${views.map((v) => v.name).join(', ')})`);
