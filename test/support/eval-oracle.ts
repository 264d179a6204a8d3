import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVAL_DIR } from './eval-cases.js';
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

/** Each case's title (it is in the prompt) and its labelled findings, from every folder of cases. */
function labels(folders: readonly string[]): Map<string, Expected[]> {
  const cases = folders.flatMap((folder) =>
    existsSync(folder)
      ? readdirSync(folder, { withFileTypes: true })
          .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, 'case.json')))
          .map((entry) => join(folder, entry.name, 'case.json'))
      : [],
  );
  return new Map(
    cases.map((path) => {
      const json = JSON.parse(readFileSync(path, 'utf8')) as { title: string; expected: Expected[] };
      return [json.title, json.expected];
    }),
  );
}

/**
 * False positives a model makes every time it sees their code, which its verifier confirms: a
 * `<=` stock check called an off-by-one (fixtures/eval-feedback's warehouse keeps the last unit
 * on purpose), and a lookup's `return None` called a missing error (its ledger means it).
 */
function habits(prompt: string): Array<Record<string, unknown>> {
  const diff = prompt.slice(prompt.indexOf('# The diff'));
  return diff.split('\n').flatMap((line) => {
    const id = /^(F\d+:R\d+)\s*\|\+/.exec(line)?.[1];
    const check = id ? /if \((\w+) <= (\w+)\) return false;/.exec(line) : null;
    if (id && check) {
      return [
        finding({
          startLineId: id,
          endLineId: id,
          title: `\`${check[1]} <= ${check[2]}\` refuses to sell the last unit in stock`,
          body: `With \`${check[1]} === ${check[2]}\` the \`<=\` refuses an order for exactly the units left, so the last unit of an item can never be sold.`,
        }),
      ];
    }
    if (id && /\|\+\s+return None\s*$/.test(line)) {
      return [
        finding({
          startLineId: id,
          endLineId: id,
          title: 'Returns None instead of raising when the record is missing',
          body: 'Callers get None for an unknown id and may use it as a record.',
        }),
      ];
    }
    return [];
  });
}

/**
 * A model that knows the answers: every pass reports each labelled defect at its lines, in the
 * words of its label — plus, when `noise` is on, one made-up finding on the first changed line
 * of every case, which two passes of four agree on and the verifier cannot decide; and, with
 * `habits`, the false positives of habits() on every case whose code invites them. The labels are
 * read from `folders` (../shared/eval by default).
 */
export function oracle(
  noise: boolean,
  options: { folders?: readonly string[]; habits?: boolean } = {},
): ModelScript {
  const byTitle = labels(options.folders ?? [EVAL_DIR]);
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
      if (options.habits) findings.push(...habits(prompt));
      return findings;
    },
    verify: (clusters) =>
      clusters.map((cluster) => ({
        id: cluster.id,
        verdict: cluster.text.includes('Possible null dereference') ? 'uncertain' : 'confirmed',
      })),
  };
}
