import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequest {
  readonly model: string;
  readonly messages: Array<{ role: string; content: string }>;
  readonly response_format?: unknown;
  readonly max_completion_tokens?: number;
}

export interface FakeModel {
  /** `http://127.0.0.1:<port>/v1`, for OPENAI_BASE_URL. */
  readonly baseUrl: string;
  readonly requests: ChatRequest[];
  close(): Promise<void>;
}

/**
 * An OpenAI-compatible Chat Completions server on 127.0.0.1. `answer` turns each request into the
 * JSON content of the reply, or into an HTTP status to fail with.
 */
export async function startFakeModel(
  answer: (request: ChatRequest) => unknown | { status: number } | Promise<unknown>,
): Promise<FakeModel> {
  const requests: ChatRequest[] = [];
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
    requests.push(body);
    const result = await answer(body);
    if (
      typeof result === 'object' &&
      result !== null &&
      'status' in result &&
      typeof result.status === 'number'
    ) {
      response.writeHead(result.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: `fake model failed with ${result.status}` } }));
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
    requests,
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
