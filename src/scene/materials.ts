import { DoubleSide, MeshStandardMaterial } from 'three';

/** Shared materials: created once for the app's lifetime, never per bone or per frame. */
export const boneMaterial = new MeshStandardMaterial({ color: '#eadfc8', roughness: 0.62, metalness: 0 });
export const boneHoverMaterial = new MeshStandardMaterial({
  color: '#f3c98b',
  roughness: 0.55,
  metalness: 0,
  emissive: '#5a3a10',
  emissiveIntensity: 0.25,
});
export const skinMaterial = new MeshStandardMaterial({
  color: '#e9b99a',
  roughness: 0.8,
  transparent: true,
  opacity: 0.28,
  depthWrite: false,
  side: DoubleSide,
});

/** Bone seen through, so a cavity, cement or a needle inside it shows (cementoplasty). */
export const boneSeeThroughMaterial = new MeshStandardMaterial({
  color: '#eadfc8',
  roughness: 0.62,
  metalness: 0,
  transparent: true,
  opacity: 0.38,
  depthWrite: false,
});

/** The sawn surface of a bone: cancellous bone, warmer and rougher than the cortex. */
export const cutFaceMaterial = new MeshStandardMaterial({ color: '#d98c74', roughness: 0.95, metalness: 0 });
