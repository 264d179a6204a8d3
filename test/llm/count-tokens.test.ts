import { describe, expect, it } from 'vitest';
import { countTokens } from '../../src/llm/count-tokens.js';

describe('countTokens', () => {
  it.each([
    ['end of text', 'Strip <|endoftext|> from the completion before storing it.'],
    ['a ChatML turn', '<|im_start|>system\nYou are a helpful assistant.<|im_end|>'],
    ['a bare special token', '<|endoftext|>'],
  ])('text spelling special tokens (%s) › counted as plain text, without throwing', (_, text) => {
    expect(countTokens(text)).toBeGreaterThan(1);
  });

  it.each([
    ['', 0],
    ['hello world', 2],
  ])('%j › %i tokens', (text, expected) => {
    expect(countTokens(text)).toBe(expected);
  });
});
