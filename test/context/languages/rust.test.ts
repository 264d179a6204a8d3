import { describe, expect, it } from 'vitest';
import { summarizeFile } from '../../../src/context/summarize-file.js';
import { callRows, definitionRows } from './summary-rows.js';

// A cache module: `use` trees with `self` and `as`, a `mod` declaration, an inherent impl and a
// trait impl, and a macro.
const pageCache = `//! An LRU cache for rendered pages.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant as Clock};
use crate::render::{self, Page};

mod eviction;

pub const DEFAULT_TTL: Duration = Duration::from_secs(300);
static HITS: AtomicU64 = AtomicU64::new(0);

pub type Shared<T> = Arc<Mutex<T>>;

#[derive(Debug, Clone)]
pub struct Entry {
    page: Page,
    stored_at: Clock,
}

pub enum Lookup {
    Hit(Page),
    Miss,
}

pub trait Store {
    fn get(&self, key: &str) -> Option<Page>;
    fn clear(&mut self) {}
}

pub struct PageCache {
    entries: HashMap<String, Entry>,
    ttl: Duration,
}

impl PageCache {
    pub fn new(ttl: Duration) -> Self {
        Self { entries: HashMap::with_capacity(64), ttl }
    }

    pub fn lookup(&mut self, key: &str) -> Lookup {
        match self.entries.get(key) {
            Some(entry) if entry.stored_at.elapsed() < self.ttl => {
                HITS.fetch_add(1, Ordering::Relaxed);
                Lookup::Hit(entry.page.clone())
            }
            _ => Lookup::Miss,
        }
    }
}

impl Store for PageCache {
    fn get(&self, key: &str) -> Option<Page> {
        self.entries.get(key).map(|e| render::finish(&e.page))
    }
}

macro_rules! cached {
    ($cache:expr, $key:expr) => { $cache.lookup($key) };
}
`;

describe('rust', () => {
  describe('a module with impl blocks and use trees', () => {
    it('defines items, with fns inside impl and trait blocks as methods', async () => {
      const summary = await summarizeFile(pageCache, 'rust');
      expect(definitionRows(summary)).toEqual([
        'module eviction 7-7',
        'constant DEFAULT_TTL 9-9',
        'constant HITS 10-10',
        'type Shared 12-12',
        'class Entry 15-18',
        'enum Lookup 20-23',
        'interface Store 25-28',
        'method get 26-26',
        'method clear 27-27',
        'class PageCache 30-33',
        'method new 36-38',
        'method lookup 40-48',
        'method get 52-54',
        'function cached 57-59',
      ]);
      expect(summary.definitions.find((d) => d.name === 'lookup')?.signature).toBe(
        'pub fn lookup(&mut self, key: &str) -> Lookup',
      );
      expect(summary.hasErrors).toBe(false);
    });

    it('names method calls by the method and path calls by their last segment', async () => {
      const calls = (await summarizeFile(pageCache, 'rust', { calls: true })).calls ?? [];
      expect(callRows(calls)).toEqual([
        'from_secs:9',
        'new:10',
        'with_capacity:37',
        'get:41',
        'elapsed:42',
        'fetch_add:43',
        'Hit:44',
        'clone:44',
        'get:53',
        'map:53',
        'finish:53',
      ]);
    });

    it('reports the path before the leaf or braces as the source, and `mod x;` as an import of x', async () => {
      const summary = await summarizeFile(pageCache, 'rust');
      expect(summary.imports).toEqual([
        {
          source: 'std::collections',
          line: 2,
          bindings: [{ name: 'HashMap', alias: null }],
          reexport: false,
        },
        {
          source: 'std::sync',
          line: 3,
          bindings: [
            { name: 'Arc', alias: null },
            { name: 'Mutex', alias: null },
          ],
          reexport: false,
        },
        {
          source: 'std::time',
          line: 4,
          bindings: [
            { name: 'Duration', alias: null },
            { name: 'Instant', alias: 'Clock' },
          ],
          reexport: false,
        },
        {
          source: 'crate::render',
          line: 5,
          bindings: [
            { name: '*', alias: 'render' },
            { name: 'Page', alias: null },
          ],
          reexport: false,
        },
        { source: 'eviction', line: 7, bindings: [{ name: '*', alias: 'eviction' }], reexport: false },
      ]);
    });
  });

  describe('nested use groups, a glob, a crate and a renamed crate', () => {
    it('reports leaves of a nested group against the outer path', async () => {
      const source = [
        'use serde;',
        'use anyhow::Result as AnyResult;',
        'use super::*;',
        'use tokio::{sync::{mpsc, oneshot}, time::sleep as pause};',
      ].join('\n');
      const summary = await summarizeFile(source, 'rust');
      expect(summary.imports).toEqual([
        { source: 'serde', line: 1, bindings: [], reexport: false },
        { source: 'anyhow', line: 2, bindings: [{ name: 'Result', alias: 'AnyResult' }], reexport: false },
        { source: 'super', line: 3, bindings: [], reexport: false },
        {
          source: 'tokio',
          line: 4,
          bindings: [
            { name: 'mpsc', alias: null },
            { name: 'oneshot', alias: null },
            { name: 'sleep', alias: 'pause' },
          ],
          reexport: false,
        },
      ]);
    });
  });
});
