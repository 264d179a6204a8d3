import { describe, expect, it } from 'vitest';
import { summarizeFile } from '../../../src/context/summarize-file.js';
import { callRows, definitionRows } from './summary-rows.js';

// A React list component: hooks, JSX with inline handlers, a props interface and a helper.
const reviewList = `import { useEffect, useMemo, useState } from 'react';
import type { Review } from '../api/types';
import { fetchReviews } from '../api/client';
import Spinner from './Spinner';

export interface ReviewListProps {
  readonly repo: string;
  readonly onSelect?: (review: Review) => void;
}

type SortKey = 'newest' | 'severity';

const PAGE_SIZE = 20;

export function ReviewList({ repo, onSelect }: ReviewListProps) {
  const [reviews, setReviews] = useState<Review[] | null>(null);
  const [sort, setSort] = useState<SortKey>('newest');

  useEffect(() => {
    const controller = new AbortController();
    fetchReviews(repo, { limit: PAGE_SIZE, signal: controller.signal }).then(setReviews);
    return () => controller.abort();
  }, [repo]);

  const sorted = useMemo(() => sortReviews(reviews ?? [], sort), [reviews, sort]);

  if (!reviews) return <Spinner label="Loading reviews" />;
  return (
    <section>
      <select value={sort} onChange={(event) => setSort(event.target.value as SortKey)}>
        <option value="newest">Newest</option>
        <option value="severity">Severity</option>
      </select>
      <ul>
        {sorted.map((review) => (
          <li key={review.id} onClick={() => onSelect?.(review)}>
            {review.title}
          </li>
        ))}
      </ul>
    </section>
  );
}

function sortReviews(reviews: readonly Review[], key: SortKey): Review[] {
  return [...reviews].sort((a, b) =>
    key === 'newest' ? b.createdAt.localeCompare(a.createdAt) : b.severity - a.severity,
  );
}
`;

describe('tsx', () => {
  describe('a React component with hooks', () => {
    it('defines the props interface, type, constant, component and helper', async () => {
      const summary = await summarizeFile(reviewList, 'tsx');
      expect(definitionRows(summary)).toEqual([
        'interface ReviewListProps 6-9',
        'type SortKey 11-11',
        'constant PAGE_SIZE 13-13',
        'function ReviewList 15-43',
        'function sortReviews 45-49',
      ]);
      expect(summary.hasErrors).toBe(false);
    });

    it('reports hook, member and optional calls, `new` included, and not JSX elements', async () => {
      const calls = (await summarizeFile(reviewList, 'tsx', { calls: true })).calls ?? [];
      expect(callRows(calls)).toEqual([
        'useState:16',
        'useState:17',
        'useEffect:19',
        'AbortController:20',
        'fetchReviews:21',
        'then:21',
        'abort:22',
        'useMemo:25',
        'sortReviews:25',
        'setSort:30',
        'map:35',
        'onSelect:36',
        'sort:46',
        'localeCompare:47',
      ]);
    });

    it('reports named, type-only and default imports', async () => {
      const summary = await summarizeFile(reviewList, 'tsx');
      expect(summary.imports).toEqual([
        {
          source: 'react',
          line: 1,
          bindings: [
            { name: 'useEffect', alias: null },
            { name: 'useMemo', alias: null },
            { name: 'useState', alias: null },
          ],
          reexport: false,
        },
        { source: '../api/types', line: 2, bindings: [{ name: 'Review', alias: null }], reexport: false },
        {
          source: '../api/client',
          line: 3,
          bindings: [{ name: 'fetchReviews', alias: null }],
          reexport: false,
        },
        { source: './Spinner', line: 4, bindings: [{ name: 'default', alias: 'Spinner' }], reexport: false },
      ]);
    });
  });
});
