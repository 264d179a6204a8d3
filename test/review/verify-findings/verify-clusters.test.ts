import { describe, expect, it } from 'vitest';
import type { LocatedFinding } from '../../../src/review/types.js';
import type { Cluster } from '../../../src/review/verify-findings/cluster-findings.js';
import { verifyClusters } from '../../../src/review/verify-findings/verify-clusters.js';
import { createScriptedModel, type ModelScript } from '../../support/scripted-model.js';

function cluster(id: string): Cluster {
  const representative: LocatedFinding = {
    pass: 'correctness',
    category: 'bug',
    severity: 'major',
    title: `Finding ${id}`,
    body: 'It fails for some input.',
    evidence: [],
    suggestion: null,
    path: 'src/stock.ts',
    side: 'RIGHT',
    startLine: 6,
    endLine: 6,
    withinOneHunk: true,
    code: ['  if (available <= count) return false;'],
    symbol: null,
  };
  return { id, representative, members: [representative], passes: ['correctness', 'security'] };
}

async function verify(verdicts: ReturnType<NonNullable<ModelScript['verify']>>, clusters = [cluster('C1')]) {
  const model = createScriptedModel({ review: () => [], verify: () => verdicts });
  return verifyClusters(clusters, [{ role: 'system', content: 'prefix' }], { model });
}

describe('verifyClusters', () => {
  it('a confirmation that cites evidence › confirmed, with the evidence kept', async () => {
    const result = await verify([{ id: 'C1', verdict: 'confirmed', evidence: ['F3:R6'] }]);
    expect(result.verifications.get('C1')).toMatchObject({ verdict: 'confirmed', evidence: ['F3:R6'] });
  });

  it.each([
    ['no evidence', []],
    ['only blank evidence', ['  ', '']],
  ])('a confirmation with %s › downgraded to uncertain', async (_, evidence) => {
    const result = await verify([{ id: 'C1', verdict: 'confirmed', evidence }]);
    expect(result.verifications.get('C1')).toMatchObject({ verdict: 'uncertain', evidence: [] });
  });

  it('a rejection without evidence › still rejected', async () => {
    const result = await verify([{ id: 'C1', verdict: 'rejected', evidence: [] }]);
    expect(result.verifications.get('C1')?.verdict).toBe('rejected');
  });

  it('a verdict for a cluster it was not shown, and none for one it was › the first ignored, the second unverified', async () => {
    const result = await verify([{ id: 'C9', verdict: 'rejected' }]);
    expect([...result.verifications]).toEqual([['C1', { verdict: 'unverified', reason: '', evidence: [] }]]);
  });

  it('two verdicts for one cluster › the first counts', async () => {
    const result = await verify([
      { id: 'C1', verdict: 'rejected' },
      { id: 'C1', verdict: 'confirmed' },
    ]);
    expect(result.verifications.get('C1')?.verdict).toBe('rejected');
  });
});
