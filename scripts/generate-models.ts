/** `npm run models`: regenerates models/*.glb and models/landmarks.json from src/anatomy. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModels } from './models/build-models';

const out = join(import.meta.dirname, '..', 'models');
mkdirSync(out, { recursive: true });
const { files } = await buildModels((line) => console.log(line));
for (const [name, bytes] of Object.entries(files)) {
  writeFileSync(join(out, name), bytes);
  console.log(`wrote models/${name} (${(bytes.length / 1024).toFixed(1)} KiB)`);
}
