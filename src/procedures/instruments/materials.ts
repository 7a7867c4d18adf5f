/** How a material shows on a radiograph: opaque as metal, grey as bone, or faint as soft tissue. */
export type XrayDensity = 'metal' | 'bone' | 'soft';

/**
 * What instruments and implants are made of, each with how it shows on X-ray. The scene gives
 * each material its look (scene/instruments/materials.ts); the X-ray view takes its density here.
 */
export const INSTRUMENT_MATERIAL_XRAY = {
  steel: 'metal',
  titanium: 'metal',
  // Handles and a post-op shoe's sole: nearly radiolucent.
  plastic: 'soft',
  // A bone substitute is as dense as the bone it replaces.
  graft: 'bone',
  // PMMA cement carries a radio-opaque filler (barium sulphate or zirconia): it shows as metal does.
  cement: 'metal',
  // Bandage and straps: nearly radiolucent.
  fabric: 'soft',
} as const satisfies Readonly<Record<string, XrayDensity>>;

/** A material an instrument part is made of. */
export type MaterialKind = keyof typeof INSTRUMENT_MATERIAL_XRAY;
