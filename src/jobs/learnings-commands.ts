import { calibrateThresholds, calibrationId } from '../review/learnings/calibrate-thresholds.js';
import { judgeFindings } from '../review/learnings/judge-findings.js';
import type { LearningScope, RepositoryLearnings } from '../review/learnings/learning-types.js';
import { activeConventions, organisationRepository } from '../review/learnings/review-learnings.js';
import type { PullRequestHost } from '../review/pull-request-host.js';
import { clipText } from '../review/render/clip-text.js';
import { plural } from '../review/render/plural.js';
import { renderLearnings } from '../review/render/render-learnings.js';
import { sanitizeModelMarkdown } from '../review/render/sanitize-model-markdown.js';
import type { SiftStore } from '../store/sift-store.js';
import { canWrite } from './can-write.js';
import { learningScope } from './learn-from-feedback.js';
import type { JobOfKind } from './sift-job.js';

type CommandJob = JobOfKind<'command'>;

/** `/review learnings`: what Sift learned on the repository and its organisation, with ids and evidence. */
export async function answerLearnings(
  job: CommandJob,
  host: PullRequestHost,
  store: SiftStore,
): Promise<string> {
  const pull = await host.loadPullRequest();
  const { config } = await host.readConfig(pull.base.ref);
  const scope = learningScope(job);
  const { own, organisation } = await learningsOfBoth(store, scope);
  const judged = judgeFindings(scope.repository, own);
  await host.comment(
    renderLearnings({
      repository: scope.repository,
      repositoryUrl: pull.repository.htmlUrl,
      learningOn: config.learning,
      judged,
      calibrations: calibrateThresholds(scope.repository, judged, own.forgotten, config.threshold),
      conventions: activeConventions(own),
      organisationConventions: organisation ? activeConventions(organisation) : [],
    }),
  );
  return 'learnings';
}

/**
 * `/review forget <id>`: forgets one of the repository's learnings, from now on; only people with
 * write access may (an author allowed to command Sift on a private repository may not). A
 * convention of the organisation is forgotten on its `.github` repository, where it was learned.
 */
export async function answerForget(
  job: CommandJob,
  id: string,
  ports: { readonly host: PullRequestHost; readonly store: SiftStore; readonly now: () => number },
): Promise<string> {
  const { host, store } = ports;
  if (!canWrite(await host.permissionOf(job.author))) {
    await host.comment(
      `Only people with write access to ${job.owner}/${job.repo} can make Sift forget what it learned.`,
    );
    return 'refused: no write access';
  }
  const scope = learningScope(job);
  const { own, organisation } = await learningsOfBoth(store, scope);
  const what = describeLearning(scope.repository, own, id);
  if (what === null) {
    const shared = organisation && activeConventions(organisation).some((item) => item.id === id);
    await host.comment(
      shared
        ? `\`${id}\` is a convention of the organisation, learned on ${organisationRepository(scope.repository)}: comment \`/review forget ${id}\` on a pull request there.`
        : `Sift has no learning \`${id}\` on ${scope.repository}. \`/review learnings\` lists what it learned, with the ids.`,
    );
    return shared ? 'refused: an organisation learning' : 'refused: no such learning';
  }
  await store.forgetLearning(scope, id, ports.now());
  await host.comment(
    `Sift forgot \`${id}\`, ${what}. What it learned from before now no longer counts; new feedback does.`,
  );
  return 'forgot';
}

/** The calibrated thresholds for `/review config`, as lines to add under its table. */
export async function describeCalibrations(
  job: CommandJob,
  store: SiftStore,
  threshold: number,
): Promise<string[]> {
  const scope = learningScope(job);
  const own = await store.learningsOf(scope);
  const calibrations = calibrateThresholds(
    scope.repository,
    judgeFindings(scope.repository, own),
    own.forgotten,
    threshold,
  );
  if (calibrations.length === 0) return [];
  return [
    '',
    "**Thresholds learned from this repository's outcomes** (within ±0.1 of `threshold`; `/review learnings` lists the evidence):",
    '',
    '| category | threshold in effect | learned from |',
    '|---|---|---|',
    ...calibrations.map(
      (item) =>
        `| ${item.category} | \`${item.threshold}\` | ${plural(item.outcomes, 'outcome')} (${Math.round(item.accepted * 10) / 10} fixed or 👍, ${Math.round(item.dismissed * 10) / 10} dismissed) |`,
    ),
  ];
}

async function learningsOfBoth(store: SiftStore, scope: LearningScope) {
  const organisation = organisationRepository(scope.repository);
  const [own, shared] = await Promise.all([
    store.learningsOf(scope),
    organisation === scope.repository ? null : store.learningsOf({ ...scope, repository: organisation }),
  ]);
  return { own, organisation: shared };
}

/** What a learning id names on the repository, in words; null when it names nothing there. */
function describeLearning(repository: string, learned: RepositoryLearnings, id: string): string | null {
  const judged = judgeFindings(repository, learned).find((item) => item.id === id);
  if (judged) {
    const title = sanitizeModelMarkdown(clipText(judged.finding.title.replace(/\s+/g, ' '), 120), {
      allowedLinkBase: null,
    });
    return judged.verdict > 0
      ? `what was dismissed on #${judged.pullNumber} (${title}): findings like it will be posted again`
      : `what was acted on on #${judged.pullNumber} (${title})`;
  }
  const categories = new Set(learned.signals.map((signal) => signal.finding.category));
  const category = [...categories].find((name) => calibrationId(repository, name) === id);
  if (category)
    return `the learned ${category} threshold: it is back to the configured one until new outcomes move it`;
  if (activeConventions(learned).some((item) => item.id === id))
    return 'the convention: reviews are no longer given it';
  return null;
}
