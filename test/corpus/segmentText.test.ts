import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/corpus/index.js';

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits at sentence punctuation followed by a capital', () => {
    expect(sentences('Talks ended. Both sides left. Nothing was signed!')).toEqual([
      'Talks ended.',
      'Both sides left.',
      'Nothing was signed!',
    ]);
  });
  it('does not split after abbreviations, initials or "No."', () => {
    expect(sentences('The U.S. and Mr. Kim met on Dec. 3 in Hall No. 2 with George W. Bush. Then they left.')).toEqual([
      'The U.S. and Mr. Kim met on Dec. 3 in Hall No. 2 with George W. Bush.',
      'Then they left.',
    ]);
  });
  it('keeps closing quotes with their sentence', () => {
    expect(sentences('He said “we agree.” The talks ended.')).toEqual(['He said “we agree.”', 'The talks ended.']);
  });
  it('keeps a wire dateline with the first sentence', () => {
    expect(sentences('Seoul, Dec 13 (EFE).- The regime met a delegation. It was brief.')).toEqual([
      'Seoul, Dec 13 (EFE).- The regime met a delegation.',
      'It was brief.',
    ]);
  });
});
