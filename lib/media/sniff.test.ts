import { describe, expect, it } from 'vitest';
import { animatedGif, docx, html, jpegWithGps, pdf, png, xlsx, zipOf } from '@/test/fixtures/media';
import { sniffAttachment, sniffImage } from './sniff';

describe('sniffImage', () => {
  it('recognizes each accepted format by its bytes', async () => {
    expect(sniffImage(await jpegWithGps(40, 20))).toBe('image/jpeg');
    expect(sniffImage(await png())).toBe('image/png');
    expect(sniffImage(await animatedGif(20, 10, 2))).toBe('image/gif');
    expect(sniffImage(Buffer.concat([Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'), Buffer.alloc(16)]))).toBe('image/webp');
  });

  it('refuses HTML whatever it is called, and other formats', async () => {
    expect(sniffImage(html())).toBeNull();
    expect(sniffImage(pdf())).toBeNull();
    expect(sniffImage(Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt \x00\x00\x00\x00', 'latin1'))).toBeNull();
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull();
  });

  it('refuses files too short to be an image', async () => {
    expect(sniffImage((await png()).subarray(0, 8))).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
  });
});

describe('sniffAttachment', () => {
  it('tells PDF, DOCX and XLSX apart by content', () => {
    expect(sniffAttachment(pdf())).toBe('pdf');
    expect(sniffAttachment(docx())).toBe('docx');
    expect(sniffAttachment(xlsx())).toBe('xlsx');
  });

  it('refuses a truncated PDF, an HTML file, and a ZIP that is neither document', () => {
    const full = pdf();
    expect(sniffAttachment(full.subarray(0, full.length - 8))).toBeNull();
    expect(sniffAttachment(html())).toBeNull();
    expect(sniffAttachment(zipOf(['[Content_Types].xml', 'payload.exe']))).toBeNull();
    // Both markers at once is no honest Office file.
    expect(sniffAttachment(zipOf(['[Content_Types].xml', 'word/document.xml', 'xl/workbook.xml']))).toBeNull();
    expect(sniffAttachment(zipOf(['word/document.xml']))).toBeNull();
  });
});
