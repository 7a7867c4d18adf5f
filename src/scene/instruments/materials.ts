import { MeshStandardMaterial, PMREMGenerator, type Texture, type WebGLRenderer } from 'three';
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js';
import type { MaterialKind } from '../../engine/instruments';

/** Instrument materials, created once for the app's lifetime and shared by every tool. */
export const surgicalSteelMaterial = new MeshStandardMaterial({
  name: 'instrument:steel',
  color: '#c9ced3',
  metalness: 0.9,
  roughness: 0.3,
});
export const titaniumMaterial = new MeshStandardMaterial({
  name: 'instrument:titanium',
  // Implants are anodised: a faint gold against the steel of the tools that place them.
  color: '#bfb397',
  metalness: 0.85,
  roughness: 0.35,
});
export const handlePlasticMaterial = new MeshStandardMaterial({
  name: 'instrument:plastic',
  color: '#3d4a5c',
  metalness: 0.05,
  roughness: 0.55,
});

export const graftMaterial = new MeshStandardMaterial({
  name: 'instrument:graft',
  // A bone substitute: warm off-white and matte, like porous ceramic or allograft.
  color: '#e8dcc0',
  metalness: 0,
  roughness: 0.95,
});

export const cementMaterial = new MeshStandardMaterial({
  name: 'instrument:cement',
  // PMMA bone cement as it sets: opaque, warm white, matte.
  color: '#f2efe6',
  metalness: 0,
  roughness: 0.8,
});

export const fabricMaterial = new MeshStandardMaterial({
  name: 'instrument:fabric',
  // Crepe bandage and a post-op shoe's straps: off-white woven cloth, fully matte.
  color: '#ece6d8',
  metalness: 0,
  roughness: 1,
});

export const INSTRUMENT_MATERIALS: Readonly<Record<MaterialKind, MeshStandardMaterial>> = {
  steel: surgicalSteelMaterial,
  titanium: titaniumMaterial,
  plastic: handlePlasticMaterial,
  graft: graftMaterial,
  cement: cementMaterial,
  fabric: fabricMaterial,
};

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
  for (const m of [surgicalSteelMaterial, titaniumMaterial]) {
    m.envMap = texture;
    m.envMapIntensity = 0.6;
    m.needsUpdate = true;
  }
}

/** Frees the prefiltered environment (the next instrument drawn builds it again). */
export function disposeInstrumentEnvironment(): void {
  if (!environment) return;
  for (const m of [surgicalSteelMaterial, titaniumMaterial]) {
    m.envMap = null;
    m.needsUpdate = true;
  }
  environment.texture.dispose();
  environment = null;
}
