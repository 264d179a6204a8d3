import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/**
 * Fails with `cannot write <shown>: <reason>` when a command could not write its result to `path`
 * — a file (`--output`) or a folder it would create with its parents (`--out`). Commands call it
 * before the first model call: a review spends minutes and money on the model, and the end of the
 * run is the worst time to learn about a typo in a path. Nothing is created, so a run that fails
 * later leaves no empty file behind.
 */
export async function checkWritable(path: string, as: 'file' | 'folder', shown = path): Promise<void> {
  const fail = (reason: string): never => {
    throw new UsageError(`[sift] cannot write ${shown}: ${reason}`);
  };
  const existing = await stat(path).catch(() => null);
  if (existing) {
    if (as === 'file' && existing.isDirectory()) fail('it is a folder');
    if (as === 'folder' && !existing.isDirectory()) fail('it is a file, not a folder');
    await access(path, constants.W_OK).catch(() => fail('permission denied'));
    return;
  }
  // A file needs its folder; a folder is made with its parents, so the nearest one that exists decides.
  let parent = resolve(path, '..');
  let shownParent = dirname(shown);
  let found = await stat(parent).catch(() => null);
  while (!found && as === 'folder' && parent !== dirname(parent)) {
    parent = dirname(parent);
    shownParent = dirname(shownParent);
    found = await stat(parent).catch(() => null);
  }
  if (!found) return fail(`the folder ${shownParent} does not exist`);
  if (!found.isDirectory()) fail(`${shownParent} is a file, not a folder`);
  await access(parent, constants.W_OK).catch(() => fail(`the folder ${shownParent} is not writable`));
}
