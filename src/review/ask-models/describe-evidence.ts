import type { ReviewFile } from '../types.js';
import { parseLineId } from './line-id.js';

/** Evidence a model cited by line id (`F2:R41`), shown to people as `path:line`; anything else as written. */
export function describeEvidence(item: string, files: readonly ReviewFile[]): string {
  const id = parseLineId(item);
  const file = id ? files.find((candidate) => candidate.id === id.fileId) : undefined;
  if (!id || !file) return item.trim();
  return id.side === 'RIGHT'
    ? `${file.file.path}:${id.line}`
    : `${file.file.path}:${id.line} (before the change)`;
}
