import { type LocatedConfigProblem, REPO_CONFIG_PATH } from '../config/loaded-repo-config.js';

/**
 * A configuration problem the way compilers print one, so terminals and editors link it:
 * `.github/sift.yml:4: \`maxComment\` is not a Sift setting` for a key, and
 * `.github/sift.yml:2:13: invalid YAML: …` for the file as a whole, which is named by its path.
 */
export function formatConfigProblem(problem: LocatedConfigProblem): string {
  const position = problem.line === null ? [] : [problem.line, ...(problem.column ? [problem.column] : [])];
  const where = [problem.file ?? REPO_CONFIG_PATH, ...position].join(':');
  return problem.key ? `${where}: \`${problem.key}\` ${problem.message}` : `${where}: ${problem.message}`;
}
