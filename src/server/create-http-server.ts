import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';

export interface HttpRoutes {
  readonly webhookPath: string;
  readonly receiveWebhook: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
  /** Whether this process can do its work now (its store reachable); `/readyz` answers 503 when not. */
  readonly ready: () => Promise<{ ready: boolean; detail: string }>;
  /** Prometheus metrics for `/metrics`. */
  readonly metrics?: (() => Promise<{ contentType: string; body: string }>) | undefined;
}

/**
 * Sift's HTTP surface: webhooks, and the probes a platform needs — `/ping` (Probot's, kept for
 * existing health checks), `/healthz` (the process is alive), `/readyz` (it can take work) and
 * `/metrics` (Prometheus).
 */
export function createHttpServer(routes: HttpRoutes, log: Logger): Server {
  return createServer((request, response) => {
    handle(request, response, routes).catch((error: unknown) => {
      log.error({ err: error, path: request.url }, 'request failed');
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'internal error' }));
    });
  });
}

async function handle(request: IncomingMessage, response: ServerResponse, routes: HttpRoutes): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/(.)\/+$/, '$1');
  const method = request.method ?? 'GET';
  if (path === routes.webhookPath) {
    if (method === 'POST') return routes.receiveWebhook(request, response);
    return send(response, 405, { error: `webhooks are POSTed to ${routes.webhookPath}` });
  }
  if (method !== 'GET' && method !== 'HEAD') return send(response, 404, { error: 'not found' });
  if (path === '/ping') return send(response, 200, 'PONG', 'text/plain');
  if (path === '/healthz') return send(response, 200, { status: 'ok' });
  if (path === '/readyz') {
    const { ready, detail } = await routes.ready();
    return send(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', detail });
  }
  if (path === '/metrics' && routes.metrics) {
    const { contentType, body } = await routes.metrics();
    return send(response, 200, body, contentType);
  }
  return send(response, 404, { error: 'not found' });
}

function send(response: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  response.writeHead(status, { 'content-type': type });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}
