/**
 * Shannon entropy of a string in bits per character: how unpredictable its characters are, given
 * their frequencies in the string itself. English words and repeated placeholders sit below 3.5;
 * random keys of 16+ characters sit above it (hex ≈ 3.7–4, base64 ≈ 4.5–5.5). 3.5 is the
 * threshold gitleaks' generic-api-key rule uses.
 */
export function shannonEntropy(text: string): number {
  const characters = [...text];
  if (characters.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const character of characters) counts.set(character, (counts.get(character) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const share = count / characters.length;
    bits -= share * Math.log2(share);
  }
  return bits;
}
