import type { Category } from '../config/repo-config-schema.js';

/**
 * Categories a problem may be filed under by different lenses: a caller broken by a signature
 * change is a `bug` to one pass and an `api-contract` to another. Clustering merges findings of
 * one family; the eval harness credits a finding of the expected defect's family.
 */
export const CATEGORY_FAMILY: Readonly<Record<Category, string>> = {
  bug: 'defect',
  'api-contract': 'defect',
  concurrency: 'defect',
  performance: 'performance',
  security: 'security',
  maintainability: 'nitpick',
  style: 'nitpick',
};
