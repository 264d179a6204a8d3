/**
 * Collects the process warnings emitted until `stop()`, by name and message. Node emits them on
 * the next tick, so `stop()` waits one turn of the event loop first.
 */
export function collectWarnings(): { stop(): Promise<string[]> } {
  const warnings: string[] = [];
  const collect = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
  process.on('warning', collect);
  return {
    async stop() {
      await new Promise((resolve) => setImmediate(resolve));
      process.off('warning', collect);
      return warnings;
    },
  };
}
