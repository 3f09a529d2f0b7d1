import { describe, expect, it } from 'vitest';
import { excerpt, highlight, htmlToText } from './highlight';

describe('highlight', () => {
  it('marks every occurrence, case-insensitively', () => {
    expect(highlight('AI赋能，ai助力', ['ai'])).toEqual([
      { text: 'AI', match: true },
      { text: '赋能，', match: false },
      { text: 'ai', match: true },
      { text: '助力', match: false },
    ]);
  });

  it('treats regular-expression characters in the query literally', () => {
    expect(highlight('a.b (c)', ['(c)'])).toEqual([
      { text: 'a.b ', match: false },
      { text: '(c)', match: true },
    ]);
  });

  it('prefers the longest term', () => {
    expect(highlight('营商环境', ['营商', '营商环境'])).toEqual([{ text: '营商环境', match: true }]);
  });
});

describe('excerpt', () => {
  const text = `${'甲'.repeat(200)}营商环境${'乙'.repeat(200)}`;

  it('centres the window near the first match', () => {
    const result = excerpt(text, ['营商环境'], 60);
    expect(result).toContain('营商环境');
    expect(result.startsWith('…')).toBe(true);
    expect(result.endsWith('…')).toBe(true);
  });

  it('starts at the beginning when nothing matches', () => {
    expect(excerpt(text, ['党课'], 10)).toBe(`${'甲'.repeat(10)}…`);
  });
});

describe('htmlToText', () => {
  it('drops tags and decodes entities', () => {
    expect(htmlToText('<h2>一</h2><p>a &lt;b&gt; &amp; c</p>')).toBe('一 a <b> & c');
  });
});
