import { MeshBuilder } from './mesh-builder';
import type { PartDesign } from './part';
import { helicalRidge, hexSocket, lathe } from './shapes';

const SEGMENTS = 16;
/** Thread turns are sampled more coarsely on very long screws so any length stays within budget. */
const MAX_THREAD_STEPS = 1900;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const stepsPerTurn = (turns: number) => clamp(Math.floor(MAX_THREAD_STEPS / 6 / Math.max(1, turns)), 8, 16);

/**
 * Partially threaded 3.0 mm cannulated screw, `length` mm from tip to the top of its 4.5 mm head:
 * 2.0 mm core, 1.0 mm pitch, thread over the front ~40 %, 1.2 mm cannula opening in a hex socket.
 */
export function cannulatedScrewDesign(length: number): PartDesign[] {
  const b = new MeshBuilder();
  const core = 1;
  const major = 1.5;
  const cannula = 0.6;
  const head = 2.25;
  const socketDepth = 1.4;
  const L = length;
  const threadLength = clamp(0.38 * L, 5, 16);
  const tipCore = (z: number) => (z > -0.8 ? 0.75 + ((core - 0.75) * -z) / 0.8 : core);
  lathe(
    b,
    [
      [cannula, 0],
      [0.75, 0],
      [core, -0.8],
      [core, -(L - 1.8)],
    ],
    SEGMENTS,
  );
  lathe(
    b,
    [
      [core, -(L - 1.8)],
      [1.6, -(L - 1.65)],
      [2.05, -(L - 1.25)],
      [head, -(L - 0.7)],
    ],
    SEGMENTS,
    true,
  );
  lathe(
    b,
    [
      [head, -(L - 0.7)],
      [head, -(L - 0.3)],
      [2, -L],
    ],
    SEGMENTS,
  );
  hexSocket(b, -L, socketDepth, 2, 2, cannula, SEGMENTS);
  lathe(
    b,
    [
      [cannula, -(L - socketDepth)],
      [cannula, 0],
    ],
    SEGMENTS,
  );
  const pitch = 1;
  helicalRidge(b, {
    zFront: -0.15,
    zBack: -threadLength,
    pitch,
    root: tipCore,
    crest: () => major,
    runIn: 1.5,
    runOut: 0.6,
    stepsPerTurn: stepsPerTurn(threadLength / pitch),
  });
  return [{ mesh: b, material: 'titanium', motion: { kind: 'spin', pivot: [0, 0, 0], axis: 'z' } }];
}

/**
 * Headless compression screw, `length` mm overall: a core tapering from 1.8 to 2.5 mm, a leading
 * thread (3.0 mm, 1.25 mm pitch) and a wider trailing thread (3.7 mm, 0.9 mm pitch) — the pitch
 * difference is what compresses the fragments — with a smooth middle, cannulated, hex drive at the back.
 */
export function headlessScrewDesign(length: number): PartDesign[] {
  const b = new MeshBuilder();
  const L = length;
  const cannula = 0.55;
  const socketDepth = 1.5;
  const tailCore = 1.25;
  const tipCore = 0.9;
  const coreAt = (z: number) => tipCore + ((tailCore - tipCore) * -z) / L;
  const core = (z: number) => (z > -0.6 ? 0.7 + ((coreAt(-0.6) - 0.7) * -z) / 0.6 : coreAt(z));
  lathe(
    b,
    [
      [cannula, 0],
      [0.7, 0],
      [coreAt(-0.6), -0.6],
      [tailCore, -(L - 0.3)],
      [1.1, -L],
    ],
    SEGMENTS,
  );
  hexSocket(b, -L, socketDepth, 1.5, 1.1, cannula, SEGMENTS);
  lathe(
    b,
    [
      [cannula, -(L - socketDepth)],
      [cannula, 0],
    ],
    SEGMENTS,
  );
  const lead = clamp(0.33 * L, 4, 12);
  const trail = clamp(0.28 * L, 3.5, 10);
  const leadPitch = 1.25;
  const trailPitch = 0.9;
  helicalRidge(b, {
    zFront: -0.15,
    zBack: -lead,
    pitch: leadPitch,
    root: core,
    crest: (z) => coreAt(z) + 0.55,
    runIn: 1.5,
    runOut: 0.6,
    stepsPerTurn: stepsPerTurn(lead / leadPitch + trail / trailPitch),
  });
  helicalRidge(b, {
    zFront: -(L - trail),
    zBack: -(L - 0.1),
    pitch: trailPitch,
    root: core,
    crest: (z) => coreAt(z) + 0.6,
    runIn: 0.6,
    runOut: 0.3,
    stepsPerTurn: stepsPerTurn(lead / leadPitch + trail / trailPitch),
  });
  return [{ mesh: b, material: 'titanium', motion: { kind: 'spin', pivot: [0, 0, 0], axis: 'z' } }];
}
