import type { ActionEvent } from './read-action-event.js';

type ReviewEvent = Extract<ActionEvent, { kind: 'review' }>;

/** What the job summary says when no model setting reached the step at all, and whether the step fails. */
export function renderMissingModel(
  event: ActionEvent,
  where: {
    /** The `uses:` of this step (`acme/sift@v1`), when GitHub says it. */
    readonly actionRef: string | null;
  },
): { readonly markdown: string; readonly fails: boolean } {
  if (event.kind === 'review' && !event.target && event.fork)
    return { markdown: forkRecipe(event, where.actionRef), fails: false };
  // GitHub gives runs that Dependabot starts its own secrets only; any other author's run has the repository's.
  if (event.kind === 'review' && !event.target && event.author === 'dependabot[bot]')
    return { markdown: dependabotNote(), fails: false };
  return {
    fails: true,
    markdown: [
      '## Sift could not review: no model was given',
      '',
      'Add your model key as a repository secret (Settings → Secrets and variables → Actions → New repository secret, named `OPENAI_API_KEY`) and pass it to the step:',
      '',
      '```yaml',
      'with:',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, shown to be copied
      '  openai-api-key: ${{ secrets.OPENAI_API_KEY }}',
      '```',
      '',
      'For a local OpenAI-compatible server set `openai-base-url` instead; for Azure OpenAI, the `azure-openai-*` inputs.',
    ].join('\n'),
  };
}

function forkRecipe(event: ReviewEvent, actionRef: string | null): string {
  const uses = actionRef ?? 'OWNER/REPO@REF # the same `uses:` as in this workflow';
  return [
    '## Sift did not review this pull request: it comes from a fork',
    '',
    `The pull request comes from \`${event.fork}\`. For a \`pull_request\` run started from a fork, GitHub gives the workflow no secrets — so no model key reached Sift — and a token that can only read. That is GitHub keeping your secrets from the fork's code; this run is not a failure.`,
    '',
    "**To review pull requests from forks safely**, add a second workflow on `pull_request_target`. That event runs the workflow as it is on your base branch, with your secrets and a token that can comment, and Sift reads the pull request through GitHub's API: it never checks out or runs the fork's code.",
    '',
    '```yaml',
    '# .github/workflows/sift-forks.yml',
    'name: Sift (forks)',
    'on:',
    '  pull_request_target:',
    '    types: [opened, synchronize, reopened, ready_for_review]',
    'permissions:',
    '  contents: read',
    '  pull-requests: write',
    'jobs:',
    '  review:',
    '    # Forks only: the pull_request workflow reviews branches of this repository.',
    '    if: github.event.pull_request.head.repo.full_name != github.repository',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      # No actions/checkout: nothing from the fork runs in this job.',
    `      - uses: ${uses}`,
    '        with:',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, shown to be copied
    '          openai-api-key: ${{ secrets.OPENAI_API_KEY }}',
    '```',
    '',
    '**The risks, and how this recipe keeps them out:**',
    '',
    "- `pull_request_target` runs with your secrets and a write token. Never add a step that checks out the pull request's head or runs anything from it (install, build, test, a script): the fork's code would run with both.",
    '- Anyone can open a pull request, and every push to it is a review your model key pays for. Cap it with `budget.maxTokens` in `.github/sift.yml`, or review forks only when a maintainer asks: drop this workflow and comment `/review` (the `issue_comment` workflow).',
    "- The fork's code and description go to your model provider, as data: nothing in them is taken as an instruction, and Sift never approves, requests changes or runs code.",
  ].join('\n');
}

function dependabotNote(): string {
  return [
    '## Sift did not review this pull request: Dependabot opened it',
    '',
    "GitHub gives the workflows Dependabot starts no repository secrets (Dependabot has secrets of its own), so no model key reached Sift; this run is not a failure. Sift skips bots' pull requests unless `autoReview.bots` is on in `.github/sift.yml`; to review Dependabot's, add the key to the Dependabot secrets as well.",
  ].join('\n');
}
