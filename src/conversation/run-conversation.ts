import { detectLanguage } from '../context/languages.js';
import { type SymbolCaches, summarizeText } from '../context/symbol-index.js';
import { canCommandSift } from '../github/can-command-sift.js';
import type { Octokit } from '../github/octokit.js';
import { readFileAtRef } from '../github/read-file-at-ref.js';
import { readFindingMarker, withoutMarkers } from '../github/review-markers.js';
import { fenceUntrusted } from '../llm/fence-untrusted.js';
import { loadPrompt } from '../llm/load-prompt.js';
import type { ModelClient } from '../llm/model-client.js';
import { redactSecrets } from '../llm/redact-secrets.js';
import { renderPrompt } from '../llm/render-prompt.js';
import type { Logger } from '../logger.js';
import type { SiftJob } from '../queue/sift-job.js';
import { findEnclosingDefinition } from '../review/build-context/find-enclosing-definition.js';
import { clipText } from '../review/post-review/clip-text.js';
import { renderSuggestion } from '../review/post-review/render-suggestion.js';
import { sanitizeModelMarkdown } from '../review/post-review/sanitize-model-markdown.js';
import { repositoryKey, type SiftStore } from '../store/sift-store.js';
import { replyAnswerSchema } from './reply-answer-schema.js';

type ConversationJob = Extract<SiftJob, { kind: 'conversation' }>;

// The thread the model reads: its last messages, enough for a conversation, bounded for cost.
const MAX_THREAD_MESSAGES = 12;
// Sift stops answering a thread after this many of its own replies: a long argument needs a person.
const MAX_SIFT_REPLIES = 8;
const CODE_MARGIN = 15;

/**
 * Answers a reply in a thread Sift started, using the thread's history, the code as it is now at
 * the finding and the diff hunk it was posted on. A reply that disputes the finding, when the
 * model agrees it does not hold, is recorded as feedback: that finding is not raised again on the
 * pull request. Only the pull request's author and people with write access get an answer.
 */
export async function runConversation(
  job: ConversationJob,
  deps: {
    octokit: Octokit;
    model: ModelClient;
    caches: SymbolCaches;
    store: SiftStore;
    log: Logger;
    signal: AbortSignal;
  },
): Promise<string> {
  const { octokit } = deps;
  const repo = { owner: job.owner, repo: job.repo };
  const { data: root } = await octokit.rest.pulls.getReviewComment({
    ...repo,
    comment_id: job.rootCommentId,
  });
  const marker = root.user?.type === 'Bot' ? readFindingMarker(root.body) : null;
  if (!marker) return 'not a Sift thread';
  if (job.author !== job.pullAuthor && !(await canCommandSift(octokit, { ...repo, user: job.author }))) {
    return 'not answered: the author has no write access';
  }
  const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
    ...repo,
    pull_number: job.pullNumber,
    per_page: 100,
  });
  const thread = comments
    .filter((comment) => comment.in_reply_to_id === root.id)
    .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id);
  const latestHuman = thread.filter((comment) => comment.user?.type !== 'Bot').at(-1);
  if (latestHuman && latestHuman.id !== job.replyCommentId) return 'superseded by a later reply';
  if (thread.filter((comment) => comment.user?.type === 'Bot').length >= MAX_SIFT_REPLIES)
    return 'thread too long';

  const line = root.line ?? root.original_line ?? 1;
  const file = await readFileAtRef(octokit, { ...repo, path: root.path, ref: job.headSha });
  const code =
    file.text === null
      ? '(the file is not readable at the current head)'
      : await codeAround(file.text, root.path, line, deps.caches);
  const history = thread.slice(-MAX_THREAD_MESSAGES).map((comment) => {
    const who = comment.user?.type === 'Bot' ? 'Sift' : `@${comment.user?.login ?? 'someone'}`;
    return `${who}:\n${withoutMarkers(comment.body)}`;
  });
  const response = await deps.model.complete({
    role: 'responder',
    messages: [
      { role: 'system', content: loadPrompt('reply-system').text },
      {
        role: 'user',
        content: renderPrompt(loadPrompt('reply'), {
          finding: fenceUntrusted('finding', withoutMarkers(root.body)),
          diffHunk: fenceUntrusted('diff-hunk', redactSecrets(root.diff_hunk.split('\n')).join('\n')),
          code: fenceUntrusted('code', code),
          thread: fenceUntrusted('thread', history.join('\n\n')),
        }),
      },
    ],
    schema: replyAnswerSchema,
    schemaName: 'reply',
    signal: deps.signal,
  });
  const answer = response.value;
  const parts = [sanitizeModelMarkdown(clipText(answer.reply, 2_000))];
  // A suggestion replaces lines of the new version; a thread on removed lines has none to replace.
  const suggestion =
    answer.suggestion !== null && root.side !== 'LEFT' ? renderSuggestion(answer.suggestion) : null;
  if (suggestion) parts.push(suggestion);
  await octokit.rest.pulls.createReplyForReviewComment({
    ...repo,
    pull_number: job.pullNumber,
    comment_id: root.id,
    body: parts.join('\n\n'),
  });
  if (answer.stance === 'disputes') {
    await deps.store.recordFeedback(repositoryKey(job), job.pullNumber, {
      fingerprint: marker.fingerprint,
      kind: 'disputed',
      user: job.author,
      text: clipText(latestHuman?.body ?? '', 500),
    });
  }
  return `answered (${answer.stance}${answer.findingStands ? '' : ', finding withdrawn'})`;
}

/** The enclosing definition of the finding's line when short, else a window around it, numbered. */
async function codeAround(text: string, path: string, line: number, caches: SymbolCaches): Promise<string> {
  const lines = text.split('\n');
  const definition = detectLanguage(path)
    ? findEnclosingDefinition((await summarizeText(text, path, caches)).definitions, line, line)
    : null;
  const whole = definition && definition.endLine - definition.startLine < 80;
  const start = whole ? definition.startLine : Math.max(1, line - CODE_MARGIN);
  const end = whole ? definition.endLine : Math.min(lines.length, line + CODE_MARGIN);
  const width = String(end).length;
  // The same rule as the review's diff and context: secrets in the code never reach the model.
  const shown = redactSecrets(lines.slice(start - 1, end));
  return [
    `${path}:${start}-${end}`,
    ...shown.map((row, index) => `${String(start + index).padStart(width)}| ${row}`),
  ].join('\n');
}
