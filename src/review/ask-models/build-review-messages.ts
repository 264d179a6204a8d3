import type { RepoConfig } from '../../config/repo-config-schema.js';
import { fenceUntrusted } from '../../llm/fence-untrusted.js';
import { loadPrompt } from '../../llm/load-prompt.js';
import type { ChatMessage } from '../../llm/model-client.js';
import { renderPrompt } from '../../llm/render-prompt.js';
import type { ReviewContext } from '../build-context/context-types.js';
import { renderContext } from '../build-context/render-context.js';
import { renderConventions } from '../learnings/conventions-for.js';
import type { Convention } from '../learnings/learning-types.js';
import type { Change, ReviewFile } from '../types.js';
import { renderDiff } from './render-diff.js';
import { renderPullRequest } from './render-pull-request.js';

/** One reviewer pass: a lens (prompts/lenses/<name>.md) and the order to read the files in. */
export interface ReviewPass {
  readonly lens: string;
  readonly fileOrder: readonly string[];
}

export interface ReviewPrompt {
  /** System message and shared data: byte-identical for every pass of one review. */
  readonly sharedPrefix: readonly ChatMessage[];
  readonly messagesFor: (pass: ReviewPass) => ChatMessage[];
}

/**
 * Builds the messages of a review. Everything that is the same for every pass comes first, in
 * the same bytes, so providers' prompt caching serves it from the second pass on; the per-pass
 * lens and file order come last. Conventions the team stated in replies join the repository's
 * rules, in a fence of their own: they were distilled by a model from what people wrote.
 */
export function buildReviewMessages(
  change: Pick<Change, 'title' | 'body' | 'commitMessages'>,
  files: readonly ReviewFile[],
  config: Pick<RepoConfig, 'categories' | 'instructions'>,
  context: ReviewContext,
  conventions: readonly Convention[] = [],
): ReviewPrompt {
  const system = renderPrompt(loadPrompt('system'), { categories: config.categories.join(', ') });
  const data = renderPrompt(loadPrompt('review'), {
    pullRequest: renderPullRequest(change),
    instructions: renderInstructions(config.instructions, conventions),
    context: context.snippets.length > 0 ? fenceUntrusted('context', renderContext(context)) : '(none)',
    diff: fenceUntrusted('diff', renderDiff(files)),
  });
  const sharedPrefix: ChatMessage[] = [
    { role: 'system', content: system },
    { role: 'user', content: data },
  ];
  return {
    sharedPrefix,
    messagesFor: (pass) => [
      ...sharedPrefix,
      {
        role: 'user',
        content: renderPrompt(loadPrompt('pass'), {
          lens: loadPrompt(`lenses/${pass.lens}`).text,
          fileOrder: pass.fileOrder.join(', '),
        }),
      },
    ],
  };
}

/** The repository's rules from its configuration, then the conventions learned from its replies. */
export function renderInstructions(instructions: string, conventions: readonly Convention[]): string {
  const rules = instructions.trim() ? fenceUntrusted('repository-rules', instructions.trim()) : '';
  if (conventions.length === 0) return rules || '(none)';
  const learned = [
    'Conventions people with write access stated in earlier review threads of this repository, as a model summarised their replies; apply them like the rules:',
    '',
    fenceUntrusted('learned-conventions', renderConventions(conventions)),
  ].join('\n');
  return rules ? `${rules}\n\n${learned}` : learned;
}
