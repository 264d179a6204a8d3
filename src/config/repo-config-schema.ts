import { z } from 'zod';

/** Finding categories, from most to least likely to matter in production. */
export const CATEGORIES = [
  'bug',
  'security',
  'performance',
  'concurrency',
  'api-contract',
  'maintainability',
  'style',
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * The categories reviewed unless a repository opts into more. Maintainability and style are the
 * nitpicks users of other review bots turn them off for, so they are off by default.
 */
export const DEFAULT_CATEGORIES: Category[] = [
  'bug',
  'security',
  'performance',
  'concurrency',
  'api-contract',
];

const autoReviewSchema = z
  .strictObject({
    drafts: z.boolean().default(false).describe('Review draft pull requests as they change.'),
    bots: z
      .boolean()
      .default(false)
      .describe('Review pull requests opened by bots (Dependabot, Renovate, …).'),
    onPush: z.boolean().default(true).describe('Review again when new commits are pushed.'),
    skipLabels: z
      .array(z.string().min(1))
      .default(() => ['sift:skip'])
      .describe('Pull requests carrying any of these labels are not reviewed automatically.'),
  })
  .describe('When Sift reviews without being asked.');

const contextSchema = z
  .strictObject({
    tokenBudget: z
      .number()
      .int()
      .min(0)
      .max(100_000)
      .default(8_000)
      .describe(
        'Tokens of code from other files (callers, definitions, tests) shown with the diff; 0 turns cross-file context off.',
      ),
  })
  .describe('Cross-file context: code outside the diff that the change touches.');

const ensembleSchema = z
  .strictObject({
    passes: z
      .number()
      .int()
      .min(1)
      .max(8)
      .default(4)
      .describe(
        'Independent review passes, each with its own focus (correctness, security, concurrency and resources, cross-file contracts). Findings several passes agree on score higher.',
      ),
  })
  .describe('How many model passes review each change.');

const budgetSchema = z
  .strictObject({
    maxModelCalls: z
      .number()
      .int()
      .min(2)
      .max(50)
      .default(12)
      .describe(
        'Model calls one review may make (passes plus verification). A larger pull request first loses passes.',
      ),
    maxTokens: z
      .number()
      .int()
      .min(10_000)
      .max(5_000_000)
      .default(600_000)
      .describe(
        'Prompt and completion tokens one review may spend, as billed: every pass, verifier batch and retry. The plan drops passes first, then the files least likely to hide a defect, to fit it (the check run lists what was left out); a review that still reaches it stops, posts nothing and says so.',
      ),
  })
  .describe('Limits on what one review may cost.');

const commandsSchema = z
  .strictObject({
    allowAuthor: z
      .boolean()
      .default(false)
      .describe(
        'On private repositories, also take /review commands from the pull request author without write access.',
      ),
  })
  .describe('Who may ask Sift for work with /review comments; people with write access always may.');

const pathsSchema = z
  .strictObject({
    ignore: z
      .array(z.string().min(1))
      .default(() => [])
      .describe(
        'Glob patterns of paths never reviewed, in addition to lockfiles, vendored and generated files.',
      ),
  })
  .describe('Which files are reviewed.');

/** The schema of `.github/sift.yml`. Every key has a default, so an empty file is a valid file. */
export const repoConfigSchema = z
  .strictObject({
    threshold: z
      .number()
      .min(0)
      .max(1)
      .default(0.7)
      .describe(
        'Minimum confidence (0–1) for a finding to be posted. Confidence is computed from how many passes found it, the verifier, and severity; lower it for more comments, raise it for fewer.',
      ),
    maxComments: z
      .number()
      .int()
      .min(0)
      .max(50)
      .default(5)
      .describe('The most inline comments one review posts; the rest are counted in the check run.'),
    categories: z
      .array(z.enum(CATEGORIES))
      .min(1)
      .default(() => [...DEFAULT_CATEGORIES])
      .describe('Finding categories that may be posted. Add maintainability or style to get nitpicks.'),
    paths: pathsSchema.prefault({}),
    instructions: z
      .string()
      .max(4000)
      .default('')
      .describe('House rules given to every review pass, for example "We never log user email addresses."'),
    context: contextSchema.prefault({}),
    ensemble: ensembleSchema.prefault({}),
    budget: budgetSchema.prefault({}),
    autoReview: autoReviewSchema.prefault({}),
    commands: commandsSchema.prefault({}),
    learning: z
      .boolean()
      .default(true)
      .describe(
        'Learn from feedback on this repository: findings like those its team dismissed are held back, thresholds follow what it fixes and dismisses, conventions stated in replies join the review rules. `/review learnings` lists what was learned; false stops learning and using it.',
      ),
  })
  .describe('Sift configuration (.github/sift.yml). Inherits from the organisation .github repository.');

export type RepoConfig = z.output<typeof repoConfigSchema>;

export const DEFAULT_REPO_CONFIG: RepoConfig = repoConfigSchema.parse({});
