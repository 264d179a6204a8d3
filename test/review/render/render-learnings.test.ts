import { describe, expect, it } from 'vitest';
import { calibrateThresholds } from '../../../src/review/learnings/calibrate-thresholds.js';
import { judgeFindings } from '../../../src/review/learnings/judge-findings.js';
import type { Convention } from '../../../src/review/learnings/learning-types.js';
import { renderLearnings } from '../../../src/review/render/render-learnings.js';
import {
  learnings,
  onAnotherPull,
  REPOSITORY,
  REVERSED_RANGE,
  SAFETY_STOCK,
  signal,
} from '../learnings/learning-factories.js';

const URL = 'https://github.com/acme/inventory';

const NULL_LOOKUPS: Convention = {
  id: 'a1b2c3d',
  rule: 'Lookups return null for a missing record on purpose; see https://evil.example and ask @acme/owners.',
  paths: ['src/**'],
  pullNumber: 9,
  commentId: 2_000_000_321,
  url: `${URL}/pull/9#discussion_r2000000321`,
  by: 'hubot',
  at: 5_000,
};

describe('renderLearnings', () => {
  it('dismissed, lowered and wanted findings, a moved threshold and conventions › one table each, ids first', () => {
    const stored = learnings([
      signal(SAFETY_STOCK, 'thumbs-down', { pull: 7, by: 'hubot', at: 1_000 }),
      signal(SAFETY_STOCK, 'dismissed', { pull: 7, by: 'hubot', at: 1_000 }),
      signal(onAnotherPull(SAFETY_STOCK, 8), 'disputed', {
        pull: 8,
        by: 'octocat',
        role: 'author-writer',
        at: 2_000,
      }),
      ...[10, 11, 12, 13, 14].map((pull) =>
        signal(onAnotherPull(REVERSED_RANGE, pull), 'fixed', { pull, by: 'octocat', at: 3_000 + pull }),
      ),
    ]);
    const judged = judgeFindings(REPOSITORY, stored);
    const text = renderLearnings({
      repository: REPOSITORY,
      repositoryUrl: URL,
      learningOn: true,
      judged,
      calibrations: calibrateThresholds(REPOSITORY, judged, stored.forgotten, 0.7),
      conventions: [NULL_LOOKUPS],
      organisationConventions: [
        { ...NULL_LOOKUPS, id: '0c1d2e3', rule: 'Amounts are integer cents.', paths: [], url: null },
      ],
    });
    expect(text).toMatchInlineSnapshot(`
      "**What Sift learned on acme/inventory** from feedback by the pull requests' authors and people with write access:

      **Findings like these are not posted again**

      | id | finding | effect | evidence |
      |---|---|---|---|
      | \`858d6cf\` | \`reserve\` refuses to sell the last units in stock (bug, \`src/*.ts\`, function) | confidence lowered | disputed by octocat (author) on [#8](https://github.com/acme/inventory/pull/8) |
      | \`6446be7\` | \`reserve\` refuses to sell the last units in stock (bug, \`src/*.ts\`, function) | held back | 👎 by hubot, resolved unchanged by hubot on [#7](https://github.com/acme/inventory/pull/7) |

      **Findings like these were wanted (they count against dismissals of similar ones)**

      | id | finding | evidence |
      |---|---|---|
      | \`5d409e1\` | \`formatRange\` prints reversed ranges when \`low\` > \`high\` (bug, \`src/format/*.ts\`, function) | fixed by octocat on [#14](https://github.com/acme/inventory/pull/14) |
      | \`de19575\` | \`formatRange\` prints reversed ranges when \`low\` > \`high\` (bug, \`src/format/*.ts\`, function) | fixed by octocat on [#13](https://github.com/acme/inventory/pull/13) |
      | \`1fdac60\` | \`formatRange\` prints reversed ranges when \`low\` > \`high\` (bug, \`src/format/*.ts\`, function) | fixed by octocat on [#12](https://github.com/acme/inventory/pull/12) |
      | \`3a4e4fb\` | \`formatRange\` prints reversed ranges when \`low\` > \`high\` (bug, \`src/format/*.ts\`, function) | fixed by octocat on [#11](https://github.com/acme/inventory/pull/11) |
      | \`c1f6a72\` | \`formatRange\` prints reversed ranges when \`low\` > \`high\` (bug, \`src/format/*.ts\`, function) | fixed by octocat on [#10](https://github.com/acme/inventory/pull/10) |

      **Thresholds**

      | id | category | threshold | learned from |
      |---|---|---|---|
      | \`e9c29bb\` | bug | 0.68 (configured 0.7) | 7 outcomes: 5 fixed or 👍, 1.5 dismissed |

      **Conventions, given to every review of the files they apply to**

      | id | convention | applies to | stated by |
      |---|---|---|---|
      | \`a1b2c3d\` | Lookups return null for a missing record on purpose; see https\\[:]//evil\\[.]example and ask \`@acme/owners\`. | \`src/**\` | hubot on [#9](https://github.com/acme/inventory/pull/9#discussion_r2000000321) |

      **Organisation conventions (learned on the organisation's \`.github\` repository; forget them there)**

      | id | convention | applies to | stated by |
      |---|---|---|---|
      | \`0c1d2e3\` | Amounts are integer cents. | the whole repository | hubot on #9 |

      Comment \`/review forget <id>\` to make Sift forget one; \`learning: false\` in \`.github/sift.yml\` turns learning off."
    `);
  });

  it('nothing learned, learning off › says so, and how Sift learns', () => {
    expect(
      renderLearnings({
        repository: REPOSITORY,
        repositoryUrl: URL,
        learningOn: false,
        judged: [],
        calibrations: [],
        conventions: [],
        organisationConventions: [],
      }),
    ).toMatchInlineSnapshot(`
      "**What Sift learned on acme/inventory** from feedback by the pull requests' authors and people with write access:

      \`learning\` is off in this repository's \`.github/sift.yml\`: none of this is used until it is turned on again.

      Nothing yet. Sift learns from 👎 and 👍 on its findings, threads resolved without a change, replies that dispute a finding or state a convention, and findings fixed before merge.

      Comment \`/review forget <id>\` to make Sift forget one; \`learning: false\` in \`.github/sift.yml\` turns learning off."
    `);
  });
});
