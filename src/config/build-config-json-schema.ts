import { z } from 'zod';
import { repoConfigSchema } from './repo-config-schema.js';

/**
 * `_extends` never reaches the zod schema — Probot's config plugin reads and removes it — but it is
 * in the file an editor checks, which would otherwise flag it as an unknown key.
 */
const EXTENDS_PROPERTY = {
  type: 'string',
  description:
    'Inherit settings from another repository\'s file, e.g. ".github" or "acme/.github:.github/sift.yml". Keys set here win.',
};

/**
 * The JSON Schema of `.github/sift.yml`, as the text committed in schema/sift.schema.json, for
 * editors to complete and check the file. Generated from the input side of the zod schema, where
 * every key is optional because each has a default.
 */
export function buildConfigJsonSchema(): string {
  const { $schema, ...schema } = z.toJSONSchema(repoConfigSchema, { io: 'input' });
  const document = {
    $schema,
    title: 'Sift configuration',
    ...schema,
    properties: { _extends: EXTENDS_PROPERTY, ...schema.properties },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
