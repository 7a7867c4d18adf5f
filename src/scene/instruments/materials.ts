import { MeshStandardMaterial } from 'three';
import type { MaterialKind } from './part';

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

export const INSTRUMENT_MATERIALS: Readonly<Record<MaterialKind, MeshStandardMaterial>> = {
  steel: surgicalSteelMaterial,
  titanium: titaniumMaterial,
  plastic: handlePlasticMaterial,
};
