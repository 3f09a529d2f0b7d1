import { describe, expect, it } from 'vitest';
import { docx, html, pdf, png, xlsx } from '../../test/fixtures/media';
import { documentFileName, sniffDocument } from './document-types';

describe('sniffDocument', () => {
  it('knows PDF, JPEG, PNG, DOCX and XLSX by their bytes', async () => {
    expect(sniffDocument(pdf())).toEqual({ mime: 'application/pdf', ext: 'pdf' });
    expect(sniffDocument(await png(8, 8))).toEqual({ mime: 'image/png', ext: 'png' });
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32)]);
    expect(sniffDocument(jpeg)).toEqual({ mime: 'image/jpeg', ext: 'jpg' });
    expect(sniffDocument(docx())?.ext).toBe('docx');
    expect(sniffDocument(xlsx())?.ext).toBe('xlsx');
  });

  it('refuses HTML, programs, GIFs and empty input', () => {
    expect(sniffDocument(html())).toBeNull();
    expect(sniffDocument(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]))).toBeNull();
    expect(sniffDocument(Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(32)]))).toBeNull();
    expect(sniffDocument(new Uint8Array())).toBeNull();
  });
});

describe('documentFileName', () => {
  it('gives the name the extension of the content', () => {
    expect(documentFileName('思想汇报.pdf', 'png')).toBe('思想汇报.png');
    expect(documentFileName('扫描件', 'jpg')).toBe('扫描件.jpg');
    expect(documentFileName('.pdf', 'pdf')).toBe('材料.pdf');
  });
});
