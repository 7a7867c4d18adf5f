/**
 * The instrument catalogue as the scene reaches it (the scene may import the engine, not the
 * procedures): the kinds, how each is built and sized, what it is made of and how that shows on
 * X-ray, and the types of a tool's use and pose.
 */
export {
  BONE_TOOLS,
  DEFAULT_SCREW_LENGTH,
  DEFAULT_SHAPE,
  INSTRUMENT_CATALOGUE,
  INSTRUMENT_KINDS,
  INSTRUMENT_MATERIAL_KIND,
  catalogueEntry,
  instrumentSize,
  plateHoles,
  xrayDensityOf,
  type CatalogueEntry,
  type InstrumentKind,
  type ScrewKind,
  type ShapedKind,
} from '../procedures/instruments/catalogue';
export {
  INSTRUMENT_MATERIAL_XRAY,
  type MaterialKind,
  type XrayDensity,
} from '../procedures/instruments/materials';
export { mergeGeometries } from '../procedures/instruments/mesh-builder';
export type { PartDesign, PartMotion } from '../procedures/instruments/part';
export type { PlateHoleFrame } from '../procedures/instruments/plate';
export { SCREW_LENGTH_RANGE, type InstrumentOptions } from '../procedures/instruments/sizes';
export type { InstrumentUse, ToolPose } from '../procedures/types';
