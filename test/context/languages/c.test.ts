import { describe, expect, it } from 'vitest';
import { summarizeFile } from '../../../src/context/summarize-file.js';
import { callRows, definitionRows } from './summary-rows.js';

// A string buffer in the style of git's strbuf: the header has an include guard, macros, a
// typedef'd struct, a function-pointer typedef and prototypes; the implementation the bodies.
const header = `#ifndef STRBUF_H
#define STRBUF_H

#include <stddef.h>
#include "compat/attrs.h"

#define STRBUF_INIT { NULL, 0, 0 }
#define strbuf_avail(sb) ((sb)->alloc - (sb)->len)

typedef struct strbuf {
	char *buf;
	size_t len;
	size_t alloc;
} strbuf_t;

typedef int (*strbuf_filter_fn)(int ch, void *data);

enum strbuf_trim {
	STRBUF_TRIM_LEFT = 1,
	STRBUF_TRIM_RIGHT = 2,
};

void strbuf_init(struct strbuf *sb, size_t hint);
char *strbuf_detach(struct strbuf *sb, size_t *len);
int strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif /* STRBUF_H */
`;

const implementation = `#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "strbuf.h"

static const size_t strbuf_min_alloc = 64;

static void strbuf_grow(struct strbuf *sb, size_t extra)
{
	size_t want = sb->len + extra + 1;
	if (want <= sb->alloc)
		return;
	sb->alloc = want < strbuf_min_alloc ? strbuf_min_alloc : want * 2;
	sb->buf = realloc(sb->buf, sb->alloc);
	if (!sb->buf)
		die_errno("strbuf: out of memory");
}

void strbuf_init(struct strbuf *sb, size_t hint)
{
	memset(sb, 0, sizeof(*sb));
	if (hint)
		strbuf_grow(sb, hint);
}

char *strbuf_detach(struct strbuf *sb, size_t *len)
{
	char *res = sb->buf;
	if (len)
		*len = sb->len;
	strbuf_init(sb, 0);
	return res;
}

int strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(sb->buf + sb->len, strbuf_avail(sb), fmt, ap);
	va_end(ap);
	sb->len += n;
	return n;
}
`;

const headerDefinitions = [
  'constant STRBUF_INIT 7-7',
  'function strbuf_avail 8-8',
  'class strbuf 10-14',
  'type strbuf_t 10-14',
  'type strbuf_filter_fn 16-16',
  'enum strbuf_trim 18-21',
  'function strbuf_init 23-23',
  'function strbuf_detach 24-24',
  'function strbuf_addf 25-26',
];

describe('c', () => {
  describe('a header with an include guard', () => {
    it('defines macros, the struct and its typedef, the enum and the prototypes, not the guard', async () => {
      const summary = await summarizeFile(header, 'c');
      expect(definitionRows(summary)).toEqual(headerDefinitions);
      expect(summary.definitions.find((d) => d.name === 'STRBUF_INIT')?.signature).toBe(
        '#define STRBUF_INIT { NULL, 0, 0 }',
      );
      expect(summary.hasErrors).toBe(false);
    });

    it('reports quoted and angle-bracket includes by the path alone', async () => {
      const summary = await summarizeFile(header, 'c');
      expect(summary.imports).toEqual([
        { source: 'stddef.h', line: 4, bindings: [], reexport: false },
        { source: 'compat/attrs.h', line: 5, bindings: [], reexport: false },
      ]);
    });

    it('reads the same as C++, the grammar a .h file gets', async () => {
      const summary = await summarizeFile(header, 'cpp');
      expect(definitionRows(summary)).toEqual(headerDefinitions);
      expect(summary.hasErrors).toBe(false);
    });
  });

  describe('its implementation', () => {
    it('defines each function by the name inside its declarator, pointer returns included', async () => {
      const summary = await summarizeFile(implementation, 'c');
      expect(definitionRows(summary)).toEqual([
        'constant strbuf_min_alloc 6-6',
        'function strbuf_grow 8-17',
        'function strbuf_init 19-24',
        'function strbuf_detach 26-33',
        'function strbuf_addf 35-45',
      ]);
      expect(summary.definitions.find((d) => d.name === 'strbuf_detach')?.signature).toBe(
        'char *strbuf_detach(struct strbuf *sb, size_t *len)',
      );
      expect(summary.imports.map((i) => i.source)).toEqual(['stdarg.h', 'stdlib.h', 'string.h', 'strbuf.h']);
      expect(summary.hasErrors).toBe(false);
    });

    it('reports calls of functions and function-like macros', async () => {
      const calls = (await summarizeFile(implementation, 'c', { calls: true })).calls ?? [];
      expect(callRows(calls)).toEqual([
        'realloc:14',
        'die_errno:16',
        'memset:21',
        'strbuf_grow:23',
        'strbuf_init:31',
        'va_start:40',
        'vsnprintf:41',
        'strbuf_avail:41',
        'va_end:42',
      ]);
    });
  });
});
