import { describe, expect, it } from 'vitest';
import { parseSearchQuery, phrases, toTsvectorLiteral } from './tokenize';

describe('phrases', () => {
  it('splits Chinese runs into overlapping bigrams and keeps Latin words whole', () => {
    expect(phrases('党建工作 AI赋能，2025年')).toEqual([
      ['党建', '建工', '工作'],
      ['ai'],
      ['赋能'],
      ['2025'],
      ['年'],
    ]);
  });

  it('normalizes full-width letters and digits', () => {
    expect(phrases('ＡＩ２０２５')).toEqual([['ai2025']]);
  });
});

describe('toTsvectorLiteral', () => {
  it('weights fields and leaves a gap between phrases', () => {
    const literal = toTsvectorLiteral([
      { text: '党课', weight: 'A' },
      { text: '讲党课，学党史', weight: 'B' },
    ]);
    expect(literal).toBe("'党课':1A,14B '讲党':13B '学党':16B '党史':17B");
  });
});

describe('parseSearchQuery', () => {
  it('builds a phrase query from bigrams', () => {
    expect(parseSearchQuery(' 营商环境 ')).toEqual({
      kind: 'search',
      tsquery: "('营商' <-> '商环' <-> '环境')",
      substrings: [],
      terms: ['营商环境'],
    });
  });

  it('requires every space-separated term', () => {
    expect(parseSearchQuery('AI 党课')).toMatchObject({ tsquery: "'ai' & '党课'", substrings: [] });
  });

  it('requires every word of a term written without spaces', () => {
    expect(parseSearchQuery('2025年度')).toMatchObject({ tsquery: "'2025' & '年度'", terms: ['2025', '年度'] });
    expect(parseSearchQuery('AI赋能')).toMatchObject({ tsquery: "'ai' & '赋能'" });
  });

  it('matches terms holding a lone Chinese character as substrings', () => {
    expect(parseSearchQuery('党')).toEqual({ kind: 'search', tsquery: null, substrings: ['党'], terms: ['党'] });
    expect(parseSearchQuery('2025年 营商环境')).toEqual({
      kind: 'search',
      tsquery: "('营商' <-> '商环' <-> '环境')",
      substrings: ['2025年'],
      terms: ['2025年', '营商环境'],
    });
    expect(parseSearchQuery('AI 党')).toMatchObject({ tsquery: "'ai'", substrings: ['党'] });
  });

  it('treats punctuation-only, emoji and empty input as empty', () => {
    expect(parseSearchQuery('   ')).toEqual({ kind: 'empty' });
    expect(parseSearchQuery('🎉！')).toEqual({ kind: 'empty' });
  });

  it('neutralizes tsquery syntax typed by a reader', () => {
    expect(parseSearchQuery("a' | !b & (c")).toMatchObject({ tsquery: "'a' & 'b' & 'c'", substrings: [] });
  });
});
