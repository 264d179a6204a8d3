import { ModelAnswerTooLargeError } from '../errors.js';

/**
 * The most bytes Sift reads of one response from the model provider. An answer is bounded by the
 * output token limit (at most 4 × SIFT_MAX_OUTPUT_TOKENS after retries of cut-off answers: with the
 * default 8,192, about 130 KB of JSON at ~4 bytes a token), so 8 MiB leaves room for any setting in
 * use while a server that ignores the limit can no longer fill the heap: four ~400 MB answers once
 * took the process to 3.2 GB.
 */
export const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

/**
 * Wraps `fetch` so that a response body is read as a stream and fails with a
 * ModelAnswerTooLargeError once more than `maxBytes` arrive (at once when the declared
 * Content-Length is already more). The connection is cancelled rather than drained.
 */
export function capResponseBytes(
  options: {
    readonly maxBytes?: number;
    /** The fetch to wrap; the global one, looked up per request (so test interceptors apply). */
    readonly fetch?: typeof fetch;
  } = {},
): typeof fetch {
  const { maxBytes = MAX_ANSWER_BYTES } = options;
  return async (input, init) => {
    const response = await (options.fetch ?? fetch)(input, init);
    if (!response.body) return response;
    const tooLarge = () =>
      new ModelAnswerTooLargeError(`[sift] the model's answer exceeded ${describeBytes(maxBytes)}`);
    const declared = Number(response.headers.get('content-length') ?? 0);
    let received = 0;
    const capped = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        start(controller) {
          if (declared > maxBytes) controller.error(tooLarge());
        },
        transform(chunk, controller) {
          received += chunk.byteLength;
          if (received > maxBytes) controller.error(tooLarge());
          else controller.enqueue(chunk);
        },
      }),
    );
    return new Response(capped, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** 8 MiB, 64 KiB, 1000 bytes: the cap as an operator would set it. */
function describeBytes(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
