import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * One scripted answer: an HTTP response, silence until the client gives up, or a chat completion
 * whose content never ends (a server ignoring the output token limit) streamed until the client
 * hangs up.
 */
export type FakeReply =
  | { readonly status?: number; readonly headers?: Readonly<Record<string, string>>; readonly body: unknown }
  | { readonly hang: true }
  | { readonly endless: true };

/** What the server streamed of an endless answer, and whether the client hung up on it. */
export interface EndlessAnswer {
  readonly bytesSent: number;
  readonly hungUp: boolean;
}

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Record<string, unknown>;
}

/**
 * A stand-in for an OpenAI-compatible server on 127.0.0.1, so tests drive the real SDK over real
 * HTTP. Answers are scripted in order; a request with nothing scripted gets a 599 the test will see.
 */
export interface FakeOpenAIServer {
  /** The SDK's `baseURL`. */
  readonly baseURL: string;
  readonly requests: readonly ReceivedRequest[];
  readonly endlessAnswers: readonly EndlessAnswer[];
  reply(...replies: FakeReply[]): void;
  /** Resolves once `count` requests have arrived. */
  received(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeOpenAIServer(): Promise<FakeOpenAIServer> {
  const requests: ReceivedRequest[] = [];
  const endlessAnswers: EndlessAnswer[] = [];
  const replies: FakeReply[] = [];
  let arrivals: Array<{ count: number; resolve: () => void }> = [];

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      });
      const ready = arrivals.filter((arrival) => requests.length >= arrival.count);
      arrivals = arrivals.filter((arrival) => requests.length < arrival.count);
      for (const arrival of ready) arrival.resolve();

      const reply = replies.shift() ?? {
        status: 599,
        body: { error: { message: `fake server: nothing scripted for request ${requests.length}` } },
      };
      if ('hang' in reply) return;
      if ('endless' in reply) {
        endlessAnswers.push(streamEndlessAnswer(response));
        return;
      }
      response.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      response.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    endlessAnswers,
    reply: (...next) => {
      replies.push(...next);
    },
    received: (count) =>
      requests.length >= count
        ? Promise.resolve()
        : new Promise((resolve) => arrivals.push({ count, resolve })),
    close: () => {
      server.closeAllConnections(); // hung requests would otherwise keep the server open
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** Streams 64 KiB chunks of one never-ending message content, as fast as the client reads them. */
function streamEndlessAnswer(response: ServerResponse): EndlessAnswer {
  const answer = { bytesSent: 0, hungUp: false };
  const chunk = Buffer.alloc(64 * 1024, 'x');
  const send = (data: Buffer | string) => {
    answer.bytesSent += Buffer.byteLength(data);
    return response.write(data);
  };
  const pump = () => {
    while (!answer.hungUp) {
      if (!send(chunk)) {
        response.once('drain', pump);
        return;
      }
    }
  };
  response.on('close', () => {
    answer.hungUp = true;
  });
  response.writeHead(200, { 'content-type': 'application/json' });
  send('{"id":"chatcmpl-fake","object":"chat.completion","choices":[{"message":{"content":"');
  pump();
  return answer;
}

/** A Chat Completions response whose message content is `content` (JSON-encoded unless a string). */
export function chatCompletion(
  content: unknown,
  overrides: {
    finish_reason?: string;
    refusal?: string | null;
    model?: string;
    usage?: Record<string, unknown>;
  } = {},
): Record<string, unknown> {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_764_000_000,
    model: overrides.model ?? 'gpt-4.1-2025-04-14',
    choices: [
      {
        index: 0,
        finish_reason: overrides.finish_reason ?? 'stop',
        message: {
          role: 'assistant',
          content: content === null || typeof content === 'string' ? content : JSON.stringify(content),
          refusal: overrides.refusal ?? null,
        },
        logprobs: null,
      },
    ],
    usage: overrides.usage ?? {
      prompt_tokens: 2_000,
      completion_tokens: 120,
      total_tokens: 2_120,
      prompt_tokens_details: { cached_tokens: 1_536 },
    },
  };
}

/** An error body in OpenAI's shape. */
export function apiError(message: string, type = 'invalid_request_error'): Record<string, unknown> {
  return { error: { message, type, param: null, code: null } };
}
