import {
  MeshStandardMaterial,
  PMREMGenerator,
  type MeshStandardMaterialParameters,
  type Texture,
  type WebGLRenderer,
} from 'three';
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js';
import type { MaterialKind } from '../../engine/instruments';

/** How each instrument material looks (its X-ray density comes from the catalogue's materials). */
const LOOKS: Readonly<Record<MaterialKind, MeshStandardMaterialParameters>> = {
  steel: { color: '#c9ced3', metalness: 0.9, roughness: 0.3 },
  // Implants are anodised: a faint gold against the steel of the tools that place them.
  titanium: { color: '#bfb397', metalness: 0.85, roughness: 0.35 },
  plastic: { color: '#3d4a5c', metalness: 0.05, roughness: 0.55 },
  // A bone substitute: warm off-white and matte, like porous ceramic or allograft.
  graft: { color: '#e8dcc0', metalness: 0, roughness: 0.95 },
  // PMMA bone cement as it sets: opaque, warm white, matte.
  cement: { color: '#f2efe6', metalness: 0, roughness: 0.8 },
  // Crepe bandage and a post-op shoe's straps: off-white woven cloth, fully matte.
  fabric: { color: '#ece6d8', metalness: 0, roughness: 1 },
};

/**
 * Instrument materials, created once for the app's lifetime and shared by every tool. Each is named
 * `instrument:<material>`: the X-ray view finds its density by that name.
 */
export const INSTRUMENT_MATERIALS = Object.fromEntries(
  Object.entries(LOOKS).map(([kind, look]) => [
    kind,
    new MeshStandardMaterial({ name: `instrument:${kind}`, ...look }),
  ]),
) as Readonly<Record<MaterialKind, MeshStandardMaterial>>;

/** The metals: they reflect the studio environment. */
const REFLECTIVE = [INSTRUMENT_MATERIALS.steel, INSTRUMENT_MATERIALS.titanium];

let environment: { renderer: WebGLRenderer; texture: Texture } | null = null;

/**
 * Gives the metals something to reflect: without an environment a metalness of 0.9 renders nearly
 * black under the stage's plain lights. A neutral studio room (three's RoomEnvironment, built in
 * code, nothing fetched) is prefiltered once per renderer and shared by the instrument materials.
 */
export function applyInstrumentEnvironment(renderer: WebGLRenderer): void {
  if (environment?.renderer === renderer) return;
  disposeInstrumentEnvironment();
  const pmrem = new PMREMGenerator(renderer);
  const room = new RoomEnvironment();
  const texture = pmrem.fromScene(room, 0.04).texture;
  room.dispose();
  pmrem.dispose();
  environment = { renderer, texture };
  for (const m of REFLECTIVE) {
    m.envMap = texture;
    m.envMapIntensity = 0.6;
    m.needsUpdate = true;
  }
}

/** Frees the prefiltered environment (the next instrument drawn builds it again). */
export function disposeInstrumentEnvironment(): void {
  if (!environment) return;
  for (const m of REFLECTIVE) {
    m.envMap = null;
    m.needsUpdate = true;
  }
  environment.texture.dispose();
  environment = null;
}
