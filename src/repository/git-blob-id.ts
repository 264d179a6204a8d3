import { createHash } from 'node:crypto';

/** The id git gives a blob with this content (`git hash-object`), so computed ids match git's own. */
export function gitBlobId(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}
