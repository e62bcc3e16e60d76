import { describe, expect, it } from 'vitest';
import { compileTheme, matchTokens, scorePassage, tokenize } from '../../src/analysis/index.js';
import { findTerm, termShape } from '../../src/analysis/tokens.js';

const keys = (text: string, language: string) => tokenize(text, language).map((t) => t.key);
const finds = (term: string, text: string, language: string, languages?: string[]) =>
  findTerm(tokenize(text, language), termShape(term, languages)).length > 0;

describe('match keys', () => {
  it('stem English words as before (Porter), possessives included', () => {
    expect(keys('Workers explored Korea’s railways', 'en')).toEqual([
      'worker',
      'explor',
      'korea',
      'railwai',
    ]);
  });

  it('stem Russian words with the Snowball stemmer, ё spelt е', () => {
    expect(keys('Россия России Россию', 'ru')).toEqual(['росс', 'росс', 'росс']);
    expect(keys('рублей рубля', 'ru')).toEqual(['рубл', 'рубл']);
    expect(keys('ёлка елка', 'ru')).toEqual(['елк', 'елк']);
  });

  it('take Korean particles and verb endings off the word', () => {
    expect(keys('다리가 다리를 다리', 'ko')).toEqual(['다리', '다리', '다리']);
    expect(keys('러시아와 러시아는 노동자들이 지원했다', 'ko')).toEqual([
      '러시아',
      '러시아',
      '노동자',
      '지원',
    ]);
  });

  it('take Arabic conjunctions, prepositions and the article off the word', () => {
    const [debts, andTheDebts, forRussia, russia] = keys('ديون والديون لروسيا روسيا', 'ar');
    expect(andTheDebts).toBe(debts);
    expect(forRussia).toBe(russia);
  });

  it('split Japanese and Chinese into words with the dictionary segmenter', () => {
    expect(keys('電力協定に署名した', 'ja')).toEqual(expect.arrayContaining(['電力', '協定']));
    expect(keys('朝鲜和俄罗斯签署了电力协议', 'zh')).toEqual(
      expect.arrayContaining(['俄罗斯', '电力', '协议']),
    );
  });

  it('fold Latin accents and French elision, stemming by the text’s language', () => {
    expect(keys('l’énergie énergétique', 'fr')).toEqual(['energ', 'energet']);
    expect(keys('Sanktionen Sanktion', 'de')).toEqual(['sanktion', 'sanktion']);
  });

  it('key words in another script by that script’s rules', () => {
    // A Cyrillic name in an English article, a Latin acronym in a Russian one.
    expect(keys('Россия', 'en')).toEqual(['росс']);
    expect(keys('LNG', 'ru')).toEqual(['lng']);
  });

  it('are what the index holds: keys and forms as space-separated lists', () => {
    expect(matchTokens('Workers’ meetings', 'en')).toEqual({
      keys: 'worker meet',
      forms: 'workers meetings',
    });
  });
});

describe('a term matches its inflected forms in its language', () => {
  it('Russian: a stem and a prefix', () => {
    expect(finds('Россия', 'Поставки из России выросли.', 'ru')).toBe(true);
    expect(finds('рубл*', 'Сделка на 9,5 миллиардов рублей.', 'ru')).toBe(true);
  });

  it('Korean: a noun with a particle, and a noun that ends like one', () => {
    expect(finds('다리', '두만강 다리가 완공됐다.', 'ko')).toBe(true);
    expect(finds('국가', '두 국가가 협정을 맺었다.', 'ko')).toBe(true);
    expect(finds('국가', '국가 경제', 'ko')).toBe(true);
  });

  it('Arabic: a word with prefixed clitics', () => {
    expect(finds('ديون', 'ناقش الوفد والديون المستحقة.', 'ar')).toBe(true);
  });

  it('Japanese: a word inside an unspaced sentence', () => {
    expect(finds('電力', '北朝鮮への電力供給が始まった。', 'ja')).toBe(true);
  });

  it('German: a term written for German, in a German article', () => {
    expect(finds('Sanktion', 'Die neuen Sanktionen treten heute in Kraft.', 'de', ['de'])).toBe(
      true,
    );
  });

  it('a prefix finds the words that begin with it, not other words of the same stem', () => {
    expect(finds('meeting*', 'The meetings ended.', 'en')).toBe(true);
    expect(finds('meeting*', 'The two sides meet again.', 'en')).toBe(false);
    expect(finds('railway*', 'Railways reopened.', 'en')).toBe(true);
  });

  it('a term written for several languages counts once per mention', () => {
    const theme = compileTheme({
      id: 'gas',
      label: 'Gas',
      terms: { en: { LNG: 2 }, de: { LNG: 3 } },
    });
    expect(theme.terms).toHaveLength(1);
    expect(scorePassage('LNG tankers and LNG terminals.', theme).contributions).toEqual([
      expect.objectContaining({ term: 'lng', count: 2 }),
    ]);
  });
});
