import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequest {
  readonly model: string;
  readonly messages: Array<{ role: string; content: string }>;
  readonly response_format?: unknown;
  readonly max_completion_tokens?: number;
}

/** A request as it reached the server: where it was sent and how it was authorised, not only its body. */
export interface ReceivedChatRequest {
  /** Path and query, e.g. `/v1/chat/completions` or `/openai/deployments/d/chat/completions?api-version=…`. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: ChatRequest;
}

/** An HTTP failure to answer with instead of a completion; `message` goes in OpenAI's error shape. */
export interface FakeModelFailure {
  readonly status: number;
  readonly message?: string;
}

export interface FakeModel {
  /** `http://127.0.0.1:<port>/v1`, for OPENAI_BASE_URL. */
  readonly baseUrl: string;
  /** `http://127.0.0.1:<port>`, for AZURE_OPENAI_ENDPOINT (the SDK adds `/openai/deployments/…`). */
  readonly origin: string;
  readonly requests: ChatRequest[];
  readonly received: ReceivedChatRequest[];
  close(): Promise<void>;
}

/**
 * An OpenAI-compatible Chat Completions server on 127.0.0.1, answering at any path (OpenAI's
 * `/v1/chat/completions`, Azure's `/openai/deployments/<deployment>/chat/completions`) so that tests
 * assert where requests went. `answer` turns each request into the JSON content of the reply, or
 * into an HTTP failure.
 */
export async function startFakeModel(
  answer: (
    request: ChatRequest,
    received: ReceivedChatRequest,
  ) => unknown | FakeModelFailure | Promise<unknown>,
): Promise<FakeModel> {
  const requests: ChatRequest[] = [];
  const received: ReceivedChatRequest[] = [];
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
    requests.push(body);
    const call = { path: request.url ?? '/', headers: request.headers, body };
    received.push(call);
    const result = await answer(body, call);
    if (
      typeof result === 'object' &&
      result !== null &&
      'status' in result &&
      typeof result.status === 'number'
    ) {
      const message = 'message' in result && typeof result.message === 'string' ? result.message : null;
      response.writeHead(result.status, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ error: { message: message ?? `fake model failed with ${result.status}` } }),
      );
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        id: `chatcmpl-${requests.length}`,
        object: 'chat.completion',
        created: 1_764_000_000,
        model: body.model,
        choices: [
          {
            index: 0,
            finish_reason: 'stop',
            message: { role: 'assistant', content: JSON.stringify(result), refusal: null },
          },
        ],
        usage: {
          prompt_tokens: 2_000,
          completion_tokens: 200,
          total_tokens: 2_200,
          prompt_tokens_details: { cached_tokens: 0 },
        },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    origin: `http://127.0.0.1:${port}`,
    requests,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The ids the prompt labels files with: path → `F<n>`. */
export function fileIdsInPrompt(request: ChatRequest): Map<string, string> {
  const prompt = request.messages.map((message) => message.content).join('\n');
  return new Map(
    [...prompt.matchAll(/<file id="(F\d+)" path="([^"]+)"/g)].map((match) => [
      match[2] ?? '',
      match[1] ?? '',
    ]),
  );
}
