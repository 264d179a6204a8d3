import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVAL_DIR, evalCaseIds } from './eval-cases.js';
import { fileIdsInPrompt } from './fake-model-server.js';
import { finding, type ModelScript } from './scripted-model.js';

interface Expected {
  path: string;
  start_line: number;
  end_line: number;
  category: string;
  severity: string;
  note: string;
}

/** Each case's title (it is in the prompt) and its labelled findings. */
function labels(): Map<string, Expected[]> {
  return new Map(
    evalCaseIds().map((id) => {
      const json = JSON.parse(readFileSync(join(EVAL_DIR, id, 'case.json'), 'utf8')) as {
        title: string;
        expected: Expected[];
      };
      return [json.title, json.expected];
    }),
  );
}

/**
 * A model that knows the answers: every pass reports each labelled defect at its lines, in the
 * words of its label — plus, when `noise` is on, one made-up finding on the first changed line
 * of every case, which two passes of four agree on and the verifier cannot decide.
 */
export function oracle(noise: boolean): ModelScript {
  const byTitle = labels();
  return {
    review: ({ lens, prompt }) => {
      const title = /Title: (.*)/.exec(prompt)?.[1] ?? '';
      const ids = fileIdsInPrompt({ model: '', messages: [{ role: 'user', content: prompt }] });
      const findings = (byTitle.get(title) ?? []).map((expected) =>
        finding({
          startLineId: `${ids.get(expected.path)}:R${expected.start_line}`,
          endLineId: `${ids.get(expected.path)}:R${expected.end_line}`,
          category: expected.category,
          severity: expected.severity,
          title: expected.note.split('.')[0],
          body: expected.note,
        }),
      );
      const firstAdded = /^(F\d+:R\d+)\s*\|\+/m.exec(prompt.slice(prompt.indexOf('# The diff')))?.[1];
      if (noise && firstAdded && (lens === 'correctness' || lens === 'security')) {
        findings.push(
          finding({
            startLineId: firstAdded,
            endLineId: firstAdded,
            title: 'Possible null dereference',
            body: 'This might be null.',
          }),
        );
      }
      return findings;
    },
    verify: (clusters) =>
      clusters.map((cluster) => ({
        id: cluster.id,
        verdict: cluster.text.includes('Possible null dereference') ? 'uncertain' : 'confirmed',
      })),
  };
}
