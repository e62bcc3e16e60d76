import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRIEF_MODEL_VERSION, briefModelJsonSchema } from '../../src/model/index.js';
import { ROOT } from '../helpers/cli.js';

describe('the published BriefModel JSON Schema', () => {
  it('is the schema the code validates with (run `npm run schema` after changing the model)', () => {
    const file = join(ROOT, 'docs', 'schema', `brief-model-${BRIEF_MODEL_VERSION}.schema.json`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(briefModelJsonSchema());
  });
});
