import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlansFileInvalidError } from '../../src/errors.js';
import { loadPlansFile } from '../../src/plans/load-plans-file.js';
import { parsePlansFile } from '../../src/plans/parse-plans-file.js';
import { FIXTURES } from '../support/fixtures.js';
import { makeTempDir } from '../support/temp-dir.js';

const EXAMPLE = join(FIXTURES, 'plans/plans.yml');
const LABEL = '/etc/sift/plans.yml';

/** What an operator reads at start when the file is wrong. */
function startupError(text: string): string {
  try {
    parsePlansFile(text, LABEL);
  } catch (error) {
    expect(error).toBeInstanceOf(PlansFileInvalidError);
    return (error as Error).message;
  }
  throw new Error('expected the plans file to be refused');
}

const TWO_PLANS = `plans:
  free: { marketplacePlanId: 6, reviewsPerMonth: 50, maxFiles: 100, maxChangedLines: 2000, passes: 2, privateRepositories: false }
  team: { marketplacePlanId: 7, reviewsPerMonth: 2000, maxFiles: 500, maxChangedLines: 20000, passes: 4, privateRepositories: true }
noPurchase: free
upgradeUrl: https://github.com/marketplace/sift
`;

describe('parsePlansFile', () => {
  it('the example plans file › every plan with its limits, the no-purchase plan and the listing', () => {
    const plans = loadPlansFile(EXAMPLE);
    expect(plans).toEqual({
      plans: [
        {
          name: 'free',
          marketplacePlanId: 6,
          reviewsPerMonth: 50,
          maxFiles: 100,
          maxChangedLines: 2000,
          passes: 2,
          privateRepositories: false,
        },
        {
          name: 'team',
          marketplacePlanId: 7,
          reviewsPerMonth: 2000,
          maxFiles: 500,
          maxChangedLines: 20000,
          passes: 4,
          privateRepositories: true,
        },
      ],
      noPurchase: expect.objectContaining({ name: 'free' }),
      upgradeUrl: 'https://github.com/marketplace/sift',
    });
  });

  it('the issue’s inline form › the same plans', () => {
    expect(parsePlansFile(TWO_PLANS, LABEL)).toEqual(loadPlansFile(EXAMPLE));
  });

  it('a plan that leaves limits out › those are no limits; private repositories are reviewed', () => {
    const plans = parsePlansFile(
      'plans:\n  unlimited: {}\nnoPurchase: unlimited\nupgradeUrl: https://example.com/upgrade\n',
      LABEL,
    );
    expect(plans.noPurchase).toEqual({ name: 'unlimited', privateRepositories: true });
  });

  it.each([
    [
      'not YAML',
      'plans:\n  free: { reviewsPerMonth: 50\nnoPurchase: free\n',
      [
        '  - line 3, column 1: invalid YAML: Flow map in block collection must be sufficiently indented and end with a }',
      ],
    ],
    [
      'an empty file',
      '',
      ['  - the file must be a YAML mapping with `plans`, `noPurchase` and `upgradeUrl`'],
    ],
    [
      'a noPurchase plan that does not exist',
      TWO_PLANS.replace('noPurchase: free', 'noPurchase: gold'),
      ['  - line 4, `noPurchase`: there is no plan `gold`; the plans are `free`, `team`'],
    ],
    [
      'negative numbers',
      TWO_PLANS.replace('reviewsPerMonth: 50', 'reviewsPerMonth: -5').replace(
        'maxFiles: 500',
        'maxFiles: -1',
      ),
      [
        '  - line 2, `plans.free.reviewsPerMonth`: expected 0 or more',
        '  - line 3, `plans.team.maxFiles`: expected 1 or more',
      ],
    ],
    [
      'a negative number and an unknown noPurchase plan › both, at once',
      TWO_PLANS.replace('passes: 4', 'passes: -4').replace('noPurchase: free', 'noPurchase: gold'),
      [
        '  - line 3, `plans.team.passes`: expected 1 or more',
        '  - line 4, `noPurchase`: there is no plan `gold`; the plans are `free`, `team`',
      ],
    ],
    [
      'a fraction',
      TWO_PLANS.replace('passes: 2', 'passes: 1.5'),
      ['  - line 2, `plans.free.passes`: expected a whole number, like 2'],
    ],
    [
      'more passes than the ensemble has',
      TWO_PLANS.replace('passes: 4', 'passes: 12'),
      ['  - line 3, `plans.team.passes`: expected 8 or fewer (the most `ensemble.passes` allows)'],
    ],
    [
      'one Marketplace plan buying two plans',
      TWO_PLANS.replace('marketplacePlanId: 6', 'marketplacePlanId: 7'),
      [
        '  - line 3, `plans.team.marketplacePlanId`: Marketplace plan 7 already buys plan `free`; each Marketplace plan buys one plan',
      ],
    ],
    [
      'a misspelt limit',
      TWO_PLANS.replace('maxChangedLines: 2000', 'maxChangedLine: 2000'),
      ['  - line 2, `plans.free.maxChangedLine`: is not a plans-file setting (check the spelling)'],
    ],
    [
      'privateRepositories as a word',
      TWO_PLANS.replace('privateRepositories: false', 'privateRepositories: never'),
      ['  - line 2, `plans.free.privateRepositories`: expected true or false'],
    ],
    [
      'no upgrade URL, no plans',
      'noPurchase: free\n',
      ['  - `plans`: is missing', '  - `upgradeUrl`: is missing'],
    ],
    [
      'an upgrade URL that is no web address',
      TWO_PLANS.replace('https://github.com/marketplace/sift', 'marketplace/sift'),
      ['  - line 5, `upgradeUrl`: expected an http:// or https:// URL'],
    ],
    [
      'the same plan twice',
      `${TWO_PLANS}`.replace('  team:', '  free:'),
      ['  - line 3, column 3: invalid YAML: Map keys must be unique'],
    ],
  ])('%s › refused at start, naming the line and what to fix', (_, text, expected) => {
    const message = startupError(text);
    expect(message.split('\n')[0]).toBe(
      '[sift] cannot start: the plans file /etc/sift/plans.yml (SIFT_PLANS_FILE) is invalid:',
    );
    for (const line of expected) expect(message).toContain(line);
  });

  it('a file that is not there › refused at start, saying so', () => {
    const missing = join(makeTempDir('sift-plans-'), 'plans.yml');
    expect(() => loadPlansFile(missing)).toThrow(
      `[sift] cannot start: the plans file ${missing} (SIFT_PLANS_FILE) cannot be read: there is no such file`,
    );
  });

  it('the example file on disk › loads as written (the README shows it)', () => {
    const copy = join(makeTempDir('sift-plans-'), 'plans.yml');
    writeFileSync(copy, readFileSync(EXAMPLE));
    expect(loadPlansFile(copy).plans.map((plan) => plan.name)).toEqual(['free', 'team']);
  });
});
