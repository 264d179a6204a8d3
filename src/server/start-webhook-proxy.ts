import type { Logger } from '../logger.js';

/**
 * Forwards webhooks from a smee.io channel to this server, for development on a machine GitHub
 * cannot reach. smee-client is not a dependency of Sift (production never needs it): it is loaded
 * when present, and its absence is said once.
 */
export async function startWebhookProxy(
  source: string,
  target: string,
  log: Logger,
): Promise<{ stop(): void } | null> {
  let SmeeClient: new (options: {
    source: string;
    target: string;
    logger: unknown;
  }) => {
    start(): Promise<{ close(): void }> | { close(): void };
  };
  try {
    const moduleName = 'smee-client';
    ({ SmeeClient } = await import(moduleName));
  } catch {
    log.warn(
      'WEBHOOK_PROXY_URL is set but smee-client is not installed: run `npm install --no-save smee-client`',
    );
    return null;
  }
  const events = await new SmeeClient({ source, target, logger: log }).start();
  log.info({ source, target }, 'forwarding webhooks from the proxy');
  return { stop: () => events.close() };
}
