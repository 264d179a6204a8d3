import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import type { ChatMessage, ModelClient, ModelRequest, ModelResponse } from '../../src/llm/model-client.js';
import { completion, type ModelRequests, OPENAI_API } from './model-nock.js';

const PROMPTS = join(import.meta.dirname, '../../prompts');

/** A finding as a review pass answers it (the model's JSON), with defaults for what a test does not care about. */
export function finding(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    startLineId: 'F1:R1',
    endLineId: 'F1:R1',
    category: 'bug',
    severity: 'major',
    title: 'A finding',
    body: 'It fails.',
    evidence: [],
    suggestion: null,
    ...overrides,
  };
}

/** The id the prompt's diff gives the line containing `text`, e.g. `F3:R6`. */
export function lineIdOf(prompt: string, text: string): string | undefined {
  const diff = prompt.slice(prompt.indexOf('# The diff'));
  return diff
    .split('\n')
    .find((line) => /^F\d+:[LR]\d+\s*\|/.test(line) && line.includes(text))
    ?.split(/\s/)[0];
}

export interface ShownCluster {
  readonly id: string;
  /** The cluster as the verifier reads it: location, category, title and body. */
  readonly text: string;
}

/**
 * What a scripted model answers. Review passes are told apart by their lens; the verifier is
 * shown clusters and answers a verdict for each (by default: confirmed, citing one line).
 */
export interface ModelScript {
  review(pass: { lens: string; prompt: string }): Array<Record<string, unknown>>;
  verify?(
    clusters: readonly ShownCluster[],
  ): Array<{ id: string; verdict: string; evidence?: string[]; reason?: string }>;
  /**
   * Answers a reply in a Sift thread; `thread` is the conversation so far, as the model reads it.
   * A convention it leaves out is none.
   */
  reply?(thread: string): {
    reply: string;
    stance: string;
    findingStands: boolean;
    suggestion: string | null;
    convention?: string | null;
    conventionPaths?: string[];
  };
}

const lensTexts = (() => {
  let cache: Array<[string, string]> | undefined;
  return () => {
    cache ??= readdirSync(join(PROMPTS, 'lenses'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => [
        name.replace(/\.md$/, ''),
        readFileSync(join(PROMPTS, 'lenses', name), 'utf8')
          .replace(/^<!--[\s\S]*?-->\s*/, '')
          .trim(),
      ]);
    return cache;
  };
})();

/** Answers one chat request the way the script says: the JSON content of the reply. */
export function scriptedAnswer(
  script: ModelScript,
  messages: readonly Pick<ChatMessage, 'content'>[],
): unknown {
  const last = messages.at(-1)?.content ?? '';
  if (last.includes('# The thread so far')) {
    const thread = last.slice(last.indexOf('# The thread so far'));
    return {
      convention: null,
      conventionPaths: [],
      ...(script.reply?.(thread) ?? {
        reply: 'Scripted answer.',
        stance: 'question',
        findingStands: true,
        suggestion: null,
      }),
    };
  }
  if (last.includes('# Your task now: verify proposed findings')) {
    const clusters = [...last.matchAll(/^## (C\d+): (.*(?:\n(?!## ).*)*)/gm)].map((match) => ({
      id: match[1] ?? '',
      text: match[2] ?? '',
    }));
    const verdicts =
      script.verify?.(clusters) ?? clusters.map((cluster) => ({ id: cluster.id, verdict: 'confirmed' }));
    return {
      verdicts: verdicts.map((verdict) => ({
        evidence: ['F1:R1'],
        reason: `scripted ${verdict.verdict}`,
        ...verdict,
      })),
    };
  }
  const lens = lensTexts().find(([, text]) => last.includes(text))?.[0] ?? 'unknown';
  const prompt = messages.map((message) => message.content).join('\n');
  return { findings: script.review({ lens, prompt }) };
}

/**
 * The model answered by nock at api.openai.com through the real SDK, `calls` times (review
 * passes plus verifier calls), recording each request.
 */
export function nockScriptedModel(script: ModelScript, calls: number, requests?: ModelRequests): nock.Scope {
  return nock(OPENAI_API)
    .post('/v1/chat/completions')
    .times(calls)
    .reply(200, (_uri, body) => {
      const request = body as ModelRequests[number];
      requests?.push(request);
      return completion(scriptedAnswer(script, request.messages));
    });
}

/** The same script as an in-process model client, with an optional fixed latency per call. */
export function createScriptedModel(
  script: ModelScript,
  options: {
    latencyMs?: number;
    usage?: { promptTokens: number; completionTokens: number; cachedPromptTokens: number };
  } = {},
): ModelClient & { readonly requests: Array<ModelRequest<unknown>> } {
  const requests: Array<ModelRequest<unknown>> = [];
  return {
    requests,
    async complete<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
      requests.push(request as ModelRequest<unknown>);
      if (options.latencyMs) {
        await new Promise((resolve, reject) => {
          const timer = setTimeout(resolve, options.latencyMs);
          request.signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(request.signal?.reason);
          });
        });
      }
      const value = request.schema.parse(scriptedAnswer(script, request.messages));
      return {
        value,
        model: 'scripted',
        usage: {
          calls: 1,
          attempts: 1,
          failedCalls: 0,
          ...(options.usage ?? { promptTokens: 1_000, completionTokens: 100, cachedPromptTokens: 0 }),
        },
      };
    },
  };
}
