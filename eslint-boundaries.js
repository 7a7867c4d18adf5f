/**
 * The house's import rules, from DESIGN.md's table: each folder of `src/` names the folders it may
 * import, and an import against the flow fails `npm run lint`. Type-only imports are allowed where
 * the table says "types".
 */
const FOLDERS = [
  'anatomy',
  'geometry',
  'clinical',
  'procedures',
  'engine',
  'state',
  'scene',
  'ui',
  'i18n',
  'app',
];

/** Libraries that draw, hold UI state or run the browser: the pure core never imports them. */
const VIEW_LIBRARIES = [
  'react',
  'react-dom',
  'react-i18next',
  'zustand',
  '@react-three/*',
  'leva',
  'i18next',
];

/**
 * folder → what it may import: a whole folder (`true`), its types only (`'types'`), or only the
 * modules listed (their paths inside it). `models` is the generated models/ folder.
 */
const MAY_IMPORT = {
  anatomy: {},
  geometry: { anatomy: true },
  clinical: { anatomy: true },
  procedures: { anatomy: true, clinical: true, geometry: 'types' },
  engine: {
    procedures: true,
    clinical: true,
    anatomy: true,
    geometry: 'types',
    models: ['landmarks.json'],
  },
  state: { engine: true, procedures: true, anatomy: 'types' },
  scene: {
    engine: true,
    state: true,
    anatomy: true,
    geometry: true,
    i18n: true,
    models: ['foot.glb?url', 'knee.glb?url'],
  },
  ui: { state: true, engine: true, procedures: ['registry', 'types'], clinical: true, i18n: true },
  i18n: {},
};
const PURE = ['anatomy', 'geometry', 'clinical', 'procedures', 'engine'];

const escape = (text) => text.replace(/[.?*+^$()[\]{}|\\]/g, '\\$&');

/**
 * A relative import that reaches into `folder` from another folder of src (or into models/),
 * except into the modules `allowed` there.
 */
const into = (folder, allowed = []) =>
  `^(\\.\\./)+${folder}(/${allowed.length ? `(?!(${allowed.map(escape).join('|')})$)` : ''}|$)`;

export const boundaries = Object.entries(MAY_IMPORT).map(([from, may]) => {
  const others = [...FOLDERS, 'models'].filter((f) => f !== from);
  const patterns = others
    .filter((f) => may[f] !== true)
    .map((f) => ({
      regex: into(f, Array.isArray(may[f]) ? may[f] : []),
      allowTypeImports: may[f] === 'types',
      message: `src/${from} may not import ${f === 'models' ? 'models/' : `src/${f}`}${
        may[f] === 'types' ? ' except types' : Array.isArray(may[f]) ? ` except ${may[f].join(', ')}` : ''
      } (DESIGN.md, "The shape of the house").`,
    }));
  if (PURE.includes(from))
    patterns.push({
      group: VIEW_LIBRARIES,
      message: `src/${from} is pure TypeScript: no React, state or UI libraries (DESIGN.md).`,
    });
  return {
    files: [`src/${from}/**/*.{ts,tsx}`],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
  };
});
export { FOLDERS };
