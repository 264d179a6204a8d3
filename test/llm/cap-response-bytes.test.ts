import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ModelAnswerTooLargeError } from '../../src/errors.js';
import { capResponseBytes } from '../../src/llm/cap-response-bytes.js';
import { chatCompletion, type FakeOpenAIServer, startFakeOpenAIServer } from './fake-openai-server.js';

let server: FakeOpenAIServer;

beforeEach(async () => {
  server = await startFakeOpenAIServer();
});

afterEach(async () => {
  await server.close();
});

const post = (fetchCapped: typeof fetch) =>
  fetchCapped(`${server.baseURL}/chat/completions`, { method: 'POST', body: '{}' });

/** Resolves once the client has hung up on the server's first endless answer. */
async function hungUp(): Promise<void> {
  while (!server.endlessAnswers[0]?.hungUp) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('capResponseBytes', () => {
  it('an answer under the cap › passed through: status, headers and body', async () => {
    const body = chatCompletion({ verdict: 'keep' });
    server.reply({ status: 201, headers: { 'x-request-id': 'req_123' }, body });

    const response = await post(capResponseBytes({ maxBytes: 64 * 1024 }));
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBe('req_123');
    expect(await response.json()).toEqual(body);
  });

  it('an answer that never ends › fails once more than the cap is read, and hangs up', async () => {
    server.reply({ endless: true });

    const response = await post(capResponseBytes({ maxBytes: 64 * 1024 }));
    const error = await response.text().catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ModelAnswerTooLargeError);
    expect((error as Error).message).toBe("[sift] the model's answer exceeded 64 KiB");
    await hungUp();
    // What the server got out before the hang-up: the cap plus what the sockets buffer, not the answer.
    expect(server.endlessAnswers[0]?.bytesSent).toBeLessThan(32 * 1024 * 1024);
  });

  it('a declared Content-Length over the cap › fails before reading, and cancels the body', async () => {
    let cancelled = false;
    const neverSent = new ReadableStream<Uint8Array>({
      pull: () => new Promise(() => {}),
      cancel: () => {
        cancelled = true;
      },
    });
    const fetchHuge: typeof fetch = async () =>
      new Response(neverSent, { headers: { 'content-length': String(400 * 1024 * 1024) } });

    const response = await capResponseBytes({ maxBytes: 1_000, fetch: fetchHuge })('https://model.test/');
    await expect(response.text()).rejects.toThrow("[sift] the model's answer exceeded 1000 bytes");
    expect(cancelled).toBe(true);
  });

  it('a body-less response (204) › returned as it is', async () => {
    const empty = new Response(null, { status: 204 });
    const response = await capResponseBytes({ fetch: async () => empty })('https://model.test/');
    expect(response).toBe(empty);
  });
});
