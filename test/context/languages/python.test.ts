import { describe, expect, it } from 'vitest';
import { summarizeFile } from '../../../src/context/summarize-file.js';
import { callRows, definitionRows } from './summary-rows.js';

// A Celery task module: aliased, relative and wildcard imports, a dataclass, a class with a
// static method and a closure, and a decorated task.
const tasks = `"""Background jobs that sync repositories from GitHub."""

from __future__ import annotations

import logging
import os.path as osp
from dataclasses import dataclass, field
from typing import Iterable

from celery import shared_task
from .client import GitHubClient as Client, RateLimited
from .models import *

log = logging.getLogger(__name__)
MAX_PAGES = 50


@dataclass
class SyncResult:
    repo: str
    pulled: int = 0
    errors: list[str] = field(default_factory=list)

    def merge(self, other: SyncResult) -> SyncResult:
        return SyncResult(self.repo, self.pulled + other.pulled, self.errors + other.errors)


class Syncer:
    def __init__(self, client: Client) -> None:
        self.client = client

    @staticmethod
    def cache_path(repo: str) -> str:
        return osp.join("/var/cache/sift", repo.replace("/", "__"))

    def sync(self, repos: Iterable[str]) -> list[SyncResult]:
        def one(repo: str) -> SyncResult:
            pulls = self.client.list_pulls(repo, max_pages=MAX_PAGES)
            return SyncResult(repo, pulled=len(pulls))

        return [one(repo) for repo in repos]


@shared_task(bind=True, max_retries=3)
def sync_installation(self, installation_id: int) -> None:
    try:
        Syncer(Client.for_installation(installation_id)).sync(Repository.names(installation_id))
    except RateLimited as exc:
        log.warning("rate limited, retrying in %ss", exc.reset_in)
        raise self.retry(countdown=exc.reset_in) from exc
`;

describe('python', () => {
  describe('a Celery task module', () => {
    it('defines classes, methods, module-level functions and names, and nested functions', async () => {
      const summary = await summarizeFile(tasks, 'python');
      expect(definitionRows(summary)).toEqual([
        'constant log 14-14',
        'constant MAX_PAGES 15-15',
        'class SyncResult 18-25',
        'method merge 24-25',
        'class Syncer 28-41',
        'method __init__ 29-30',
        'method cache_path 32-34',
        'method sync 36-41',
        'function one 37-39',
        'function sync_installation 44-50',
      ]);
      expect(summary.hasErrors).toBe(false);
    });

    it('reports calls by name, attribute calls by the attribute', async () => {
      const calls = (await summarizeFile(tasks, 'python', { calls: true })).calls ?? [];
      expect(callRows(calls)).toEqual([
        'getLogger:14',
        'field:22',
        'SyncResult:25',
        'join:34',
        'replace:34',
        'list_pulls:38',
        'SyncResult:39',
        'len:39',
        'one:41',
        'shared_task:44',
        'Syncer:47',
        'for_installation:47',
        'sync:47',
        'names:47',
        'warning:49',
        'retry:50',
      ]);
    });

    it('reports imports with their bindings, a wildcard import without one', async () => {
      const summary = await summarizeFile(tasks, 'python');
      expect(summary.imports).toEqual([
        { source: 'logging', line: 5, bindings: [], reexport: false },
        { source: 'os.path', line: 6, bindings: [{ name: '*', alias: 'osp' }], reexport: false },
        {
          source: 'dataclasses',
          line: 7,
          bindings: [
            { name: 'dataclass', alias: null },
            { name: 'field', alias: null },
          ],
          reexport: false,
        },
        { source: 'typing', line: 8, bindings: [{ name: 'Iterable', alias: null }], reexport: false },
        { source: 'celery', line: 10, bindings: [{ name: 'shared_task', alias: null }], reexport: false },
        {
          source: '.client',
          line: 11,
          bindings: [
            { name: 'GitHubClient', alias: 'Client' },
            { name: 'RateLimited', alias: null },
          ],
          reexport: false,
        },
        { source: '.models', line: 12, bindings: [], reexport: false },
      ]);
    });
  });
});
