/** `npm run schema`: write the BriefModel's JSON Schema to docs/schema/ (a test keeps it current). */
import { join } from 'node:path';
import { BRIEF_MODEL_VERSION, briefModelJsonSchema } from '../src/model/index.js';
import { writeFileAtomic } from '../src/shared/files.js';
import { packageRoot } from '../src/shared/packageInfo.js';

export const SCHEMA_FILE = join(
  packageRoot,
  'docs',
  'schema',
  `brief-model-${BRIEF_MODEL_VERSION}.schema.json`,
);

await writeFileAtomic(SCHEMA_FILE, JSON.stringify(briefModelJsonSchema(), null, 2) + '\n');
process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
