/**
 * Runs `task` with a signal of its own that aborts when `parent` does, and unhooks it from `parent`
 * when the task settles. The OpenAI SDK adds an abort listener to the signal of every request and
 * never removes it; given a review's signal directly, each attempt would leave one behind for the
 * rest of the review (`MaxListenersExceededWarning` during an outage, when every call retries).
 */
export async function withChildSignal<T>(
  parent: AbortSignal | undefined,
  task: (signal: AbortSignal | undefined) => Promise<T>,
): Promise<T> {
  if (!parent) return task(undefined);
  const child = new AbortController();
  const abort = () => child.abort(parent.reason);
  if (parent.aborted) abort();
  else parent.addEventListener('abort', abort, { once: true });
  try {
    return await task(child.signal);
  } finally {
    parent.removeEventListener('abort', abort);
  }
}
