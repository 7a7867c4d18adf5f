import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The rule ids an import written in `file` breaks (DESIGN.md's table, as eslint-boundaries.js states it). */
async function broken(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(`${code}\nexport const used = 1;\n`, { filePath: file });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const RULE = '@typescript-eslint/no-restricted-imports';

describe('folder boundaries', () => {
  it.each([
    ['src/clinical/new.ts', "import { PROCEDURES } from '../procedures/registry';"],
    ['src/procedures/new.ts', "import { cutChains } from '../engine/fragments';"],
    ['src/procedures/new.ts', "import { cutInWorker } from '../geometry/cut';"],
    ['src/engine/new.ts', "import { useStore } from 'zustand';"],
    ['src/anatomy/new.ts', "import { useMemo } from 'react';"],
    ['src/state/new.ts', "import { measureFoot } from '../clinical/measures';"],
    ['src/scene/new.ts', "import { PROCEDURES } from '../procedures/registry';"],
    ['src/scene/overlays/new.ts', "import { loadLine } from '../../clinical/load-line';"],
    ['src/ui/new.ts', "import { Stage } from '../scene/Stage';"],
    ['src/ui/new.ts', "import type { Region } from '../anatomy/types';"],
    ['src/ui/new.ts', "import { validateProcedure } from '../procedures/schema';"],
    ['src/state/new.ts', "import landmarks from '../../models/landmarks.json';"],
    ['src/engine/new.ts', "import url from '../../models/foot.glb?url';"],
  ])('%s may not say %s', async (file, code) => {
    expect(await broken(file, code)).toContain(RULE);
  });

  it.each([
    ['src/procedures/new.ts', "import type { ConvexPiece } from '../geometry/cutters';"],
    ['src/engine/new.ts', "import { PROCEDURES } from '../procedures/registry';"],
    ['src/state/new.ts', "import type { Region } from '../anatomy/types';"],
    ['src/scene/new.ts', "import { useSession } from '../state/store';"],
    ['src/app/new.ts', "import { Stage } from '../scene/Stage';"],
    ['src/ui/new.ts', "import { PROCEDURES } from '../procedures/registry';"],
    ['src/engine/new.ts', "import landmarks from '../../models/landmarks.json';"],
    ['src/scene/new.ts', "import url from '../../models/knee.glb?url';"],
  ])('%s may say %s', async (file, code) => {
    expect(await broken(file, code)).not.toContain(RULE);
  });
});
