import { FOOT_DEFORMITY, KNEE_DEFORMITY, type RangeSpec } from '../clinical/deformity-params';

/** A URL parameter that takes one of a few words. */
export interface ChoiceParam {
  readonly kind: 'choice';
  readonly values: readonly string[];
  readonly default: string;
}

/** A URL parameter that takes a number within a range (out-of-range values are clamped). */
export interface NumberParam extends RangeSpec {
  readonly kind: 'number';
}

export type ParamSpec = ChoiceParam | NumberParam;

const choice = (values: readonly string[], def?: string): ChoiceParam => ({
  kind: 'choice',
  values,
  default: def ?? values[0]!,
});
const numbers = (spec: Record<string, RangeSpec>): Record<string, NumberParam> =>
  Object.fromEntries(Object.entries(spec).map(([k, v]) => [k, { kind: 'number', ...v }]));

/** Every parameter the URL may carry; anything else is ignored with a notice. */
export const URL_PARAMS = {
  region: choice(['foot', 'knee']),
  side: choice(['right', 'left']),
  lang: choice(['en', 'it']),
  sex: choice(['m', 'f']),
  skin: choice(['0', '1']),
  ...numbers(FOOT_DEFORMITY),
  ...numbers(KNEE_DEFORMITY),
} satisfies Record<string, ParamSpec>;

export type ParamKey = keyof typeof URL_PARAMS;
