import { describe, expect, it } from 'vitest';
import { attachmentFileName, cleanFileName, contentDisposition } from './file-name';

describe('file names', () => {
  it('keeps only the last path segment, without control characters', () => {
    expect(cleanFileName('C:\\Users\\me\\通知.pdf', 'x')).toBe('通知.pdf');
    expect(cleanFileName('../../etc/passwd', 'x')).toBe('passwd');
    expect(cleanFileName('a\u0000b\nc.png', 'x')).toBe('abc.png');
    expect(cleanFileName('  ', 'image')).toBe('image');
  });

  it('gives an attachment the extension its content has', () => {
    expect(attachmentFileName('报名表.xlsx', 'docx')).toBe('报名表.docx');
    expect(attachmentFileName('关于开展主题党日活动的通知', 'pdf')).toBe('关于开展主题党日活动的通知.pdf');
    expect(attachmentFileName('.pdf', 'pdf')).toBe('附件.pdf');
  });

  it('offers the UTF-8 name with an ASCII fallback that cannot break the header', () => {
    expect(contentDisposition('报名表(1).docx')).toBe(`attachment; filename="___(1).docx"; filename*=UTF-8''%E6%8A%A5%E5%90%8D%E8%A1%A8%281%29.docx`);
    expect(contentDisposition('a"b\\c.pdf')).toBe(`attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`);
    expect(contentDisposition("it's.pdf")).toContain("filename*=UTF-8''it%27s.pdf");
  });
});
