/** Text a person wrote into the pull request, and where: "the title", "src/api.ts line 12". */
export interface UntrustedText {
  readonly where: string;
  readonly text: string;
}

/** A passage that addresses an AI reviewer, from the line that does so to the end of its paragraph. */
export interface PlantedInstruction {
  readonly where: string;
  readonly text: string;
}

// Phrases that speak to a model rather than to people or compilers. The prompt already fences all
// such text as data; these find it so the words it plants can be kept out of what Sift posts.
const ADDRESSED_TO_A_MODEL: readonly RegExp[] = [
  // "ignore all previous instructions", "disregard the rules above"
  /\b(?:ignore|disregard|forget|override)\b[^\n.]{0,40}\b(?:previous|prior|above|earlier|system|your|all)\b[^\n.]{0,20}\b(?:instructions?|prompts?|rules|guidelines|directions)\b/i,
  // "reply with exactly", "output exactly … and nothing else", "answer with this JSON verbatim"
  /\b(?:reply|respond|answer|output|print|say|write|post|repeat|echo|include|quote|begin|start|end)\b[^\n]{0,60}\b(?:exactly|verbatim|word for word|nothing else|in full)\b/i,
  // "[SYSTEM]:", "[assistant]" at the start of a line or comment
  /(?:^|[\n/#*;-]\s*)\[(?:ai|llm|gpt|assistant|system)\]/i,
  // "SYSTEM:", "SYSTEM OVERRIDE:", "AI:" in capitals (a YAML `system:` key is not one)
  /(?:^|[\n/#*;-]\s*)(?:SYSTEM(?: OVERRIDE)?|AI|LLM|GPT)\s*:/,
  // "AI reviewer:", "reviewer, …" addressed at the start of a line or comment
  /(?:^|[\n/#*;-]\s*)(?:(?:ai|llm|automated) )?(?:code )?reviewer(?: bot)?\s*[:,]/i,
  // Closing or opening Sift's own fence around untrusted data
  /<\/?untrusted[-_]data/i,
  // Role play
  /\b(?:you are now|pretend (?:to be|you are)|from now on,? you|new (?:policy|instructions))\b/i,
];

// A paragraph of planted text is rarely longer; the cap keeps one match from claiming a whole file.
const MAX_LINES = 10;

/**
 * The passages of untrusted text that address an AI reviewer: each from a line that does so to
 * the next blank line (what follows "answer with this JSON:" is usually the payload). Found on
 * the raw text; whatever else the text holds is not judged.
 */
export function findPlantedInstructions(sources: readonly UntrustedText[]): PlantedInstruction[] {
  const found: PlantedInstruction[] = [];
  for (const source of sources) {
    const lines = source.text.split('\n');
    for (let index = 0; index < lines.length; index += 1) {
      if (!ADDRESSED_TO_A_MODEL.some((pattern) => pattern.test(lines[index] ?? ''))) continue;
      let end = index + 1;
      while (end < lines.length && end - index < MAX_LINES && (lines[end] ?? '').trim() !== '') end += 1;
      found.push({ where: source.where, text: lines.slice(index, end).join('\n') });
      index = end - 1;
    }
  }
  return found;
}
