/** `sift help`: every command and option, with the defaults. */
export const HELP_TEXT = `sift — precise code review from the command line

Usage:
  sift review [options]          review a change in a local git repository
  sift eval [options]            measure precision and recall on labelled pull requests
  sift config check [file]       validate a .github/sift.yml (default: the one in this repository)
  sift worker                    run review jobs from Redis beside web processes (see sift worker --help)
  sift installation-model ...    let an installation use its own model key (see sift installation-model --help)
  sift help | --help             this text
  sift --version                 the version

sift review
  --repo <dir>           the repository (default: the current directory)
  --base <ref>           compare from this commit (default: the merge base with the default branch)
  --head <ref>           up to this commit (default: HEAD)
  --format <f>           text | markdown | json | sarif (default: text)
  --output <file>        write the result to a file instead of standard output
  --config <file>        configuration file (default: .github/sift.yml at the base commit)
  --threshold <0..1>     minimum confidence to report (default: from the configuration, 0.7)
  --passes <n>           review passes (default: from the configuration, 4)
  --max-comments <n>     most findings reported (default: from the configuration, 5)
  --context-tokens <n>   cross-file context budget; 0 turns it off (default: 8000)
  --fail-on <severity>   exit with 1 when a finding is at least: minor | major | critical | none (default: none)
  --env-file <file>      read KEY=VALUE lines from this file first (see below)
  --quiet                no progress on standard error

sift eval
  --cases <dir>          folder of case folders (repeatable; default: ../shared/eval, else the dev cases in
                         fixtures/eval); fixtures/eval-feedback holds cases built for the feedback replay
  --case <id>            run only this case (repeatable)
  --threshold <0..1>     the threshold the headline figures are computed at (default: 0.7)
  --passes <n>           review passes per case (default: 4)
  --model <name>         reviewer model (default: SIFT_MODEL)
  --verifier-model <n>   verifier model (default: SIFT_VERIFIER_MODEL, else the reviewer model)
  --concurrency <n>      cases reviewed at once (default: 2)
  --out <dir>            write report.json and report.md there (default: eval-results/<time>)
  --format <f>           what to print: markdown | json (default: markdown)
  --env-file <file>      read KEY=VALUE lines from this file first (see below)
  --quiet                no progress on standard error

The model comes from the environment: OPENAI_API_KEY (and OPENAI_BASE_URL for any OpenAI-compatible
server), or AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_API_KEY. Export them, or pass --env-file .env:
sift reads no .env file unless told to, and a variable set in the environment wins over the file.
Progress goes to standard error: on a terminal, one line with the time the current step has
taken, redrawn every second; elsewhere, one line per step with the time since the line before.
NO_COLOR (set and not empty) turns off colour and the redrawn line. See the README.
`;
