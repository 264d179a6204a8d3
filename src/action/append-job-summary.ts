import { appendFile } from 'node:fs/promises';

/**
 * Adds Markdown to the job summary: the file GitHub names in GITHUB_STEP_SUMMARY and shows on the
 * run's page. Outside a workflow there is none, and the text goes to the log instead.
 */
export async function appendJobSummary(
  file: string | undefined,
  markdown: string,
  log: { info(message: string): void },
): Promise<void> {
  if (file) await appendFile(file, `${markdown.trimEnd()}\n\n`);
  else log.info(markdown);
}
