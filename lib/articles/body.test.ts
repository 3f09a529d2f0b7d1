import { describe, expect, it } from 'vitest';
import type { RichTextNode } from '@/db/schema/articles';
import { renderRichText } from '@/lib/news/rich-text';
import { BodyError, cleanDoc, isBlankDoc, parseBody } from './body';

const doc = (...content: unknown[]) => ({ type: 'doc', content }) as RichTextNode;
const text = (t: string, marks?: unknown[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });

describe('cleanDoc', () => {
  it('keeps what the editor makes', () => {
    const input = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('一、总体要求')] },
      { type: 'paragraph', content: [text('坚持', [{ type: 'bold' }]), text('问题导向', [{ type: 'link', attrs: { href: 'https://example.gov.cn/a' } }])] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('学习')] }] }] },
      { type: 'image', attrs: { src: '/media/ab/cd.webp', alt: '会场', caption: '会议现场', mediaId: 7 } },
      { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [text('支部')] }] }] }] },
    );
    expect(cleanDoc(input)).toEqual(input);
  });

  it('drops unknown marks, attributes and unsafe URLs', () => {
    const cleaned = cleanDoc(
      doc(
        { type: 'paragraph', attrs: { style: 'color:red' }, content: [text('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }, { type: 'underline' }, { type: 'bold' }, { type: 'bold' }])] },
        { type: 'image', attrs: { src: 'javascript:alert(1)', alt: 'x' } },
      ),
    );
    expect(cleaned).toEqual(doc({ type: 'paragraph', content: [text('x', [{ type: 'bold' }])] }, { type: 'paragraph' }));
  });

  it('keeps the words of unknown nodes and wraps loose inline content', () => {
    const cleaned = cleanDoc(doc(text('游离'), { type: 'codeBlock', content: [text('代码')] }, { type: 'div', content: [{ type: 'paragraph', content: [text('内层')] }] }));
    expect(renderRichText(cleaned)).toBe('<p>游离代码</p><p>内层</p>');
  });

  it('clamps heading levels to the body range', () => {
    expect(renderRichText(cleanDoc(doc({ type: 'heading', attrs: { level: 1 }, content: [text('a')] }, { type: 'heading', attrs: { level: 6 }, content: [text('b')] })))).toBe('<h2>a</h2><h4>b</h4>');
  });

  it('refuses what is not a document, too deep or too large, with a message for people', () => {
    expect(() => parseBody('[]')).toThrow(BodyError);
    expect(() => parseBody('{')).toThrow('正文格式无法识别');
    let deep: unknown = { type: 'paragraph' };
    for (let i = 0; i < 40; i++) deep = { type: 'blockquote', content: [deep] };
    expect(() => cleanDoc(doc(deep))).toThrow('嵌套层级过深');
    expect(() => parseBody('x'.repeat(700_000))).toThrow('正文过长');
  });

  it('an empty document becomes one empty paragraph, and counts as blank', () => {
    const cleaned = cleanDoc({ type: 'doc' });
    expect(cleaned).toEqual(doc({ type: 'paragraph' }));
    expect(isBlankDoc(cleaned)).toBe(true);
    expect(isBlankDoc(doc({ type: 'paragraph', content: [text('  ')] }))).toBe(true);
    expect(isBlankDoc(doc({ type: 'image', attrs: { src: '/media/a.webp', alt: '' } }))).toBe(false);
  });
});
