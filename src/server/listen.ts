import type { Server } from 'node:http';
import type { ListenSettings } from '../config/load-server-env.js';
import { EnvInvalidError } from '../errors.js';

/** Starts listening; resolves with the port (the one asked for, or the one the OS chose for 0). */
export async function listen(
  server: Server,
  settings: Pick<ListenSettings, 'host' | 'port'>,
): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new EnvInvalidError(`[sift] port ${settings.port} is in use: set PORT to a free port`)
          : error,
      );
    };
    server.once('error', onError);
    server.listen({ host: settings.host, port: settings.port }, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : settings.port;
}
