import type { SiftEnv } from '../config/load-env.js';
import type { ModelClient } from '../llm/model-client.js';

/** A stream the CLI writes to; process.stdout and process.stderr fit, and so do test buffers. */
export interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
  /** The terminal's width, when it is one. */
  readonly columns?: number | undefined;
}

/** Everything the CLI touches outside itself, injected so every command can be tested. */
export interface CliDeps {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: Output;
  readonly stderr: Output;
  /** Builds the model client from the environment (main.ts: the OpenAI SDK; tests: a script). */
  readonly createModel: (env: SiftEnv) => ModelClient;
  readonly version: string;
  /** Standard input, read whole (`--api-key-file -`); absent where there is none. */
  readonly readStdin?: (() => Promise<string>) | undefined;
}
