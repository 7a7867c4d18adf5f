import type { BoneDef } from '../types';

export const KNEE_BONES: readonly BoneDef[] = [];
