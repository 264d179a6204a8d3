import { describe, expect, it } from 'vitest';
import { summarizeFile } from '../../../src/context/summarize-file.js';
import { callRows, definitionRows } from './summary-rows.js';

// A router in the style of go-chi's: a grouped import with an alias, a package-level var block,
// a method on a pointer receiver.
const router = `package router

import (
	"context"
	"errors"
	"net/http"
	"strings"

	chimw "github.com/go-chi/chi/v5/middleware"
)

var (
	ErrNotFound    = errors.New("router: no route matches")
	defaultMethods = []string{http.MethodGet, http.MethodHead}
)

const maxParams = 8

type Params map[string]string

type paramsKey struct{}

// Handler serves a matched route with the parameters taken from its path.
type Handler interface {
	ServeRoute(w http.ResponseWriter, r *http.Request, params Params)
}

type Route struct {
	Method  string
	Pattern string
	handler Handler
}

func (rt *Route) Match(r *http.Request) (Params, bool) {
	if rt.Method != r.Method {
		return nil, false
	}
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	params := make(Params, maxParams)
	for i, seg := range strings.Split(rt.Pattern, "/") {
		if strings.HasPrefix(seg, ":") && i < len(parts) {
			params[seg[1:]] = parts[i]
		}
	}
	return params, true
}

func NewRouter(routes ...*Route) http.Handler {
	return chimw.Logger(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, rt := range routes {
			if params, ok := rt.Match(r); ok {
				ctx := context.WithValue(r.Context(), paramsKey{}, params)
				rt.handler.ServeRoute(w, r.WithContext(ctx), params)
				return
			}
		}
		http.NotFound(w, r)
	}))
}
`;

// A command that registers a database driver by a blank import.
const migrate = `package main

import "database/sql"
import _ "github.com/lib/pq"

func main() {
	db, _ := sql.Open("postgres", "dbname=sift")
	defer db.Close()
}
`;

describe('go', () => {
  describe('an HTTP router with a receiver method and a package-level var block', () => {
    it('defines funcs, methods, each type by what it declares, and package-level names', async () => {
      const summary = await summarizeFile(router, 'go');
      expect(definitionRows(summary)).toEqual([
        'variable ErrNotFound 13-13',
        'variable defaultMethods 14-14',
        'constant maxParams 17-17',
        'type Params 19-19',
        'class paramsKey 21-21',
        'interface Handler 24-26',
        'method ServeRoute 25-25',
        'class Route 28-32',
        'method Match 34-46',
        'function NewRouter 48-59',
      ]);
      expect(summary.definitions.find((d) => d.name === 'Match')?.signature).toBe(
        'func (rt *Route) Match(r *http.Request) (Params, bool)',
      );
      expect(summary.hasErrors).toBe(false);
    });

    it('names a selector call by its field, `strings.Split` as Split', async () => {
      const calls = (await summarizeFile(router, 'go', { calls: true })).calls ?? [];
      expect(callRows(calls)).toEqual([
        'New:13',
        'Split:38',
        'Trim:38',
        'make:39',
        'Split:40',
        'HasPrefix:41',
        'len:41',
        'Logger:49',
        'HandlerFunc:49',
        'Match:51',
        'WithValue:52',
        'Context:52',
        'ServeRoute:53',
        'WithContext:53',
        'NotFound:57',
      ]);
    });

    it('reports each import of the group on its line, binding only an explicit package name', async () => {
      const summary = await summarizeFile(router, 'go');
      expect(summary.imports).toEqual([
        { source: 'context', line: 4, bindings: [], reexport: false },
        { source: 'errors', line: 5, bindings: [], reexport: false },
        { source: 'net/http', line: 6, bindings: [], reexport: false },
        { source: 'strings', line: 7, bindings: [], reexport: false },
        {
          source: 'github.com/go-chi/chi/v5/middleware',
          line: 9,
          bindings: [{ name: '*', alias: 'chimw' }],
          reexport: false,
        },
      ]);
    });
  });

  describe('single imports, one of them blank', () => {
    it('reports each path as a source, and the blank name as no binding', async () => {
      const summary = await summarizeFile(migrate, 'go');
      expect(summary.imports).toEqual([
        { source: 'database/sql', line: 3, bindings: [], reexport: false },
        { source: 'github.com/lib/pq', line: 4, bindings: [], reexport: false },
      ]);
      expect(definitionRows(summary)).toEqual(['function main 6-9']);
      expect(callRows((await summarizeFile(migrate, 'go', { calls: true })).calls ?? [])).toEqual([
        'Open:7',
        'Close:8',
      ]);
    });
  });
});
