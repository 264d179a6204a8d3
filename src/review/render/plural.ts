/** "1 file", "3 files"; irregular plurals are given ("1 review pass", "2 review passes"). */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
