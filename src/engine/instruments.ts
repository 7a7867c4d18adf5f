/**
 * The instrument catalogue as the scene reaches it (the scene may import the engine, not the
 * procedures): how each kind is built and sized, what its parts are made of and how that shows on
 * X-ray, which kinds work on bone, and the types of a tool's use and pose.
 */
export {
  BONE_TOOLS,
  catalogueEntry,
  instrumentSize,
  type InstrumentKind,
} from '../procedures/instruments/catalogue';
export {
  INSTRUMENT_MATERIAL_XRAY,
  type MaterialKind,
  type XrayDensity,
} from '../procedures/instruments/materials';
export { mergeGeometries } from '../procedures/instruments/mesh-builder';
export type { PartMotion } from '../procedures/instruments/part';
export type { InstrumentOptions } from '../procedures/instruments/sizes';
export type { InstrumentUse, ToolPose } from '../procedures/types';
