/**
 * What shows an open procedure beside and under the 3D view: its panel, its step caption and its
 * playback bar. One chunk, out of the initial JS (see app/procedure-ui-chunk).
 */
export { ProcedurePanel } from './ProcedurePanel';
export { StepCaption } from './StepCaption';
export { PlaybackBar } from './PlaybackBar';
