import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';
import { readBody } from './read-body.js';
import { verifySignature } from './verify-signature.js';

/** A verified delivery, handed to the app (Probot's `receive`). */
export interface Delivery {
  readonly id: string;
  readonly name: string;
  readonly payload: Record<string, unknown>;
}

export interface ReceiveWebhookOptions {
  readonly secret: string;
  readonly log: Logger;
  readonly receive: (delivery: Delivery) => Promise<void>;
  /** GitHub caps webhook payloads at 25 MB and does not send larger ones. */
  readonly maxBodyBytes?: number;
}

const GITHUB_MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;

/**
 * Takes one webhook delivery: checks its headers, size and signature, parses it, and hands it to
 * the app, answering 200 once the app has accepted it (its handlers have enqueued the work). A
 * delivery that is not GitHub's gets a 4xx with a one-line reason and one warning in the log —
 * never its unverified body, which anyone on the internet can send.
 */
export async function receiveWebhook(
  request: IncomingMessage,
  response: ServerResponse,
  options: ReceiveWebhookOptions,
): Promise<void> {
  const id = header(request, 'x-github-delivery');
  const name = header(request, 'x-github-event');
  const signature = header(request, 'x-hub-signature-256');
  const refuse = (status: number, reason: string) => {
    options.log.warn({ delivery: id ?? null, event: name ?? null, status, reason }, 'webhook refused');
    respond(response, status, { error: reason });
  };
  if (!/^application\/json\s*(;|$)/i.test(header(request, 'content-type') ?? '')) {
    request.resume();
    return refuse(
      415,
      'the content type must be application/json (set it in the GitHub App webhook settings)',
    );
  }
  const missing = [
    ['x-github-delivery', id],
    ['x-github-event', name],
    ['x-hub-signature-256', signature],
  ].filter(([, value]) => !value);
  if (missing.length > 0 || !id || !name || !signature) {
    request.resume();
    return refuse(400, `missing headers: ${missing.map(([key]) => key).join(', ')}`);
  }
  const body = await readBody(request, options.maxBodyBytes ?? GITHUB_MAX_PAYLOAD_BYTES);
  if (body === null) return refuse(413, 'the body is larger than any GitHub webhook');
  if (!verifySignature(options.secret, body, signature)) {
    return refuse(401, 'the signature does not match WEBHOOK_SECRET');
  }
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString('utf8'));
  } catch {
    return refuse(400, 'the body is not valid JSON');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return refuse(400, 'the body must be a JSON object, as every GitHub webhook payload is');
  }
  try {
    await options.receive({ id, name, payload: payload as Record<string, unknown> });
  } catch {
    // The app's error handler has logged what failed, with the delivery id.
    return respond(response, 500, { error: 'Sift could not accept this delivery; see its logs' });
  }
  respond(response, 200, { ok: true });
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function respond(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
