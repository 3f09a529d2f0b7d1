import { describe, expect, it } from 'vitest';
import { renderRichText, richTextToPlain, safeUrl } from './rich-text';

const doc = (...content: object[]) => ({ type: 'doc', content }) as never;
const text = (t: string, marks?: object[]) => ({ type: 'text', text: t, marks });

describe('renderRichText', () => {
  it('renders headings, paragraphs and lists', () => {
    const html = renderRichText(
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [text('一、学习内容')] },
        { type: 'paragraph', content: [text('第一议题', [{ type: 'bold' }])] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('甲')] }] }] },
      ),
    );
    expect(html).toBe('<h2>一、学习内容</h2><p><strong>第一议题</strong></p><ul><li><p>甲</p></li></ul>');
  });

  it('escapes text and drops unknown nodes but keeps their text', () => {
    const html = renderRichText(doc({ type: 'script', content: [text('<script>alert(1)</script>')] }));
    expect(html).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('refuses javascript: links and images', () => {
    const html = renderRichText(
      doc(
        { type: 'paragraph', content: [text('点我', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])] },
        { type: 'image', attrs: { src: 'javascript:alert(1)', alt: 'x' } },
      ),
    );
    expect(html).toBe('<p>点我</p>');
  });

  it('escapes attribute values', () => {
    const html = renderRichText(doc({ type: 'image', attrs: { src: '/media/a.webp', alt: '" onerror="alert(1)' } }));
    expect(html).toContain('alt="&quot; onerror=&quot;alert(1)"');
  });

  it('clamps heading levels below the page title', () => {
    expect(renderRichText(doc({ type: 'heading', attrs: { level: 1 }, content: [text('题')] }))).toBe('<h2>题</h2>');
  });
});

describe('safeUrl', () => {
  it.each([
    ['/articles/a', '/articles/a'],
    ['https://example.org/x', 'https://example.org/x'],
    ['//evil.example', null],
    ['data:text/html;base64,xx', null],
    [' JavaScript:alert(1)', null],
  ])('%s → %s', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });
});

describe('richTextToPlain', () => {
  it('joins blocks with newlines', () => {
    expect(richTextToPlain(doc({ type: 'paragraph', content: [text('甲'), text('乙')] }, { type: 'paragraph', content: [text('丙')] }))).toBe('甲乙\n丙');
  });
});

describe('library images', () => {
  it('carry their size and responsive files when the library knows them', () => {
    const image = { type: 'image', attrs: { src: '/media/images/ab/main.jpg', alt: '会场', mediaId: 7 } };
    const facts = new Map([[7, { width: 1600, height: 900, srcSet: '/media/images/ab/480.webp 480w, /media/images/ab/main.jpg 1600w' }]]);
    expect(renderRichText(doc(image), facts)).toBe(
      '<figure><img src="/media/images/ab/main.jpg" srcset="/media/images/ab/480.webp 480w, /media/images/ab/main.jpg 1600w" sizes="(max-width: 800px) 100vw, 760px" width="1600" height="900" alt="会场" loading="lazy"></figure>',
    );
    // Unknown to the library (deleted, or an outside address): the plain image.
    expect(renderRichText(doc(image))).toBe('<figure><img src="/media/images/ab/main.jpg" alt="会场" loading="lazy"></figure>');
  });
});
