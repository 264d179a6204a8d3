import { SnapshotLimitError } from '../errors.js';
import type { SnapshotLimits } from './snapshot-limits.js';

/** A regular file of a tar archive. */
export interface TarFile {
  /** The path as the archive names it (pax `path`, GNU long name or ustar prefix + name). */
  readonly path: string;
  readonly content: Buffer;
}

export interface ReadTarOptions
  extends Pick<SnapshotLimits, 'maxArchiveBytes' | 'maxUnpackedBytes' | 'maxFiles'> {
  /** Files larger than this are skipped as they stream past, never held in memory. */
  readonly maxFileBytes: number;
}

const BLOCK = 512;
/**
 * Pax and GNU long-name records hold a path, a few hundred bytes at most; a larger one is not an
 * archive a repository download produces, and holding it would let the archive choose our memory use.
 */
const MAX_METADATA_BYTES = 1024 * 1024;
const REGULAR_FILE = new Set(['0', '\0', '7']);

/**
 * Reads the regular files of an uncompressed tar stream (POSIX ustar and pax, GNU long names) as
 * it arrives, yielding each one under `maxFileBytes`. Directories, links, devices and global pax
 * headers are skipped; only one file's content is held at a time. Reading stops with a
 * SnapshotLimitError past `maxArchiveBytes` of archive, `maxFiles` regular files (those skipped
 * for their size count too) or `maxUnpackedBytes` of files yielded. Spec:
 * https://pubs.opengroup.org/onlinepubs/9699919799/utilities/pax.html#tag_20_92_13_06
 */
export async function* readTarStream(
  source: AsyncIterable<Uint8Array>,
  options: ReadTarOptions,
): AsyncGenerator<TarFile> {
  const input = createByteReader(source, options.maxArchiveBytes);
  let files = 0;
  let unpacked = 0;
  try {
    let pax = new Map<string, string>();
    let longName: string | undefined;
    for (;;) {
      const block = await input.readHeader();
      if (!block || block.every((byte) => byte === 0)) return; // end of archive
      const header = parseHeader(block);
      const metadata =
        header.type === 'x' || header.type === 'L' || header.type === 'K' || header.type === 'g';
      const size = metadata ? header.size : (paxSize(pax) ?? header.size);
      const padding = (BLOCK - (size % BLOCK)) % BLOCK;
      if (metadata) {
        if (size > MAX_METADATA_BYTES)
          throw new Error(`[sift] tar metadata entry of ${size} bytes is over the limit`);
        const data = await input.read(size + padding, header.path);
        if (header.type === 'x') pax = parsePaxRecords(data.subarray(0, size));
        if (header.type === 'L') longName = cString(data, 0, size);
        continue;
      }
      const path = pax.get('path') ?? longName ?? header.path;
      pax = new Map();
      longName = undefined;
      const regular = REGULAR_FILE.has(header.type) && !path.endsWith('/');
      if (regular && ++files > options.maxFiles) throw new SnapshotLimitError('files', options.maxFiles);
      if (!regular || size > options.maxFileBytes) {
        await input.skip(size + padding, path);
        continue;
      }
      unpacked += size;
      if (unpacked > options.maxUnpackedBytes)
        throw new SnapshotLimitError('unpacked-bytes', options.maxUnpackedBytes);
      const content = await input.read(size, path);
      await input.skip(padding, path);
      yield { path, content };
    }
  } finally {
    await input.close();
  }
}

interface Header {
  readonly path: string;
  readonly size: number;
  readonly type: string;
}

function parseHeader(block: Buffer): Header {
  const expected = parseNumber(block.subarray(148, 156));
  let sum = 0;
  for (let index = 0; index < BLOCK; index++) sum += index >= 148 && index < 156 ? 0x20 : (block[index] ?? 0);
  if (sum !== expected) throw new Error('[sift] the tarball is corrupt: a header checksum does not match');
  const name = cString(block, 0, 100);
  // Only POSIX ustar has a prefix field; GNU tar keeps other data at the same offsets.
  const prefix = block.toString('latin1', 257, 265) === 'ustar\x0000' ? cString(block, 345, 155) : '';
  return {
    path: prefix ? `${prefix}/${name}` : name,
    size: parseNumber(block.subarray(124, 136)),
    type: String.fromCharCode(block[156] ?? 0),
  };
}

/** A pax `size` record overrides the header's, for files past the 8 GiB an octal field holds. */
function paxSize(pax: ReadonlyMap<string, string>): number | undefined {
  const value = pax.get('size');
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new Error('[sift] the tarball is corrupt: a pax size is not a number');
  }
  return Number(value);
}

/** Octal digits, or GNU's base-256 form (high bit of the first byte set) for values past 8 GiB. */
function parseNumber(field: Buffer): number {
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let value = (field[0] ?? 0) & 0x7f;
    for (const byte of field.subarray(1)) value = value * 256 + byte;
    if (!Number.isSafeInteger(value))
      throw new Error('[sift] the tarball is corrupt: a size is out of range');
    return value;
  }
  const digits = field
    .toString('latin1')
    .replace(/[\0 ]+$/, '')
    .trim();
  if (!/^[0-7]*$/.test(digits))
    throw new Error('[sift] the tarball is corrupt: a header number is not octal');
  return digits === '' ? 0 : Number.parseInt(digits, 8);
}

/** Pax records are `<length> <key>=<value>\n`, the length counting the whole record in bytes. */
function parsePaxRecords(data: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let offset = 0;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    const length = Number(data.toString('latin1', offset, space));
    if (space < 0 || !Number.isInteger(length) || length <= space - offset || offset + length > data.length) {
      throw new Error('[sift] the tarball is corrupt: a pax record is malformed');
    }
    const record = data.subarray(space + 1, offset + length - 1);
    const equals = record.indexOf(0x3d);
    if (equals > 0) records.set(record.toString('utf8', 0, equals), record.toString('utf8', equals + 1));
    offset += length;
  }
  return records;
}

function cString(buffer: Buffer, start: number, length: number): string {
  const end = buffer.indexOf(0, start);
  return buffer.toString('utf8', start, end < 0 || end > start + length ? start + length : end);
}

/**
 * Pulls exact byte counts out of a chunked stream, holding no more than one read's worth, and
 * stops once more than `maxBytes` came in.
 */
function createByteReader(source: AsyncIterable<Uint8Array>, maxBytes: number) {
  const iterator = source[Symbol.asyncIterator]();
  let buffered: Buffer = Buffer.alloc(0);
  let done = false;
  let received = 0;
  const fill = async () => {
    if (done) return false;
    const next = await iterator.next();
    if (next.done) {
      done = true;
      return false;
    }
    received += next.value.byteLength;
    if (received > maxBytes) throw new SnapshotLimitError('archive-bytes', maxBytes);
    buffered = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    return true;
  };
  /** Takes `length` bytes: kept, or dropped as they pass; null when the stream ended before a header. */
  const take = async (
    length: number,
    mode: 'header' | 'keep' | 'skip',
    path: string,
  ): Promise<Buffer | null> => {
    const parts: Buffer[] = [];
    let needed = length;
    while (needed > 0) {
      if (buffered.length === 0 && !(await fill())) {
        if (mode === 'header' && needed === length) return null;
        throw new Error(`[sift] the tarball ends in the middle of ${mode === 'header' ? 'a header' : path}`);
      }
      const part = buffered.subarray(0, needed);
      if (mode !== 'skip') parts.push(part);
      buffered = buffered.subarray(part.length);
      needed -= part.length;
    }
    if (mode === 'skip') return null;
    // A copy, so what is yielded does not pin the whole chunk it came in.
    return parts.length === 1 ? Buffer.from(parts[0] ?? []) : Buffer.concat(parts, length);
  };
  return {
    /** The next header block, or null when the stream ended cleanly before it. */
    readHeader: () => take(BLOCK, 'header', ''),
    read: async (length: number, path: string) => (await take(length, 'keep', path)) ?? Buffer.alloc(0),
    skip: async (length: number, path: string) => {
      await take(length, 'skip', path);
    },
    close: async () => {
      await iterator.return?.();
    },
  };
}
