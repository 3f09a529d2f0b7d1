import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from './paste';

describe('cleanPastedHtml', () => {
  it('drops the list markers Word writes as text and its conditional comments', () => {
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15"><style>p.MsoNormal{margin:0}</style><!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]--></head>
<body><p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><!--[endif]-->学习贯彻党的二十届四中全会精神<o:p></o:p></p></body></html>`;
    const cleaned = cleanPastedHtml(word);
    expect(cleaned).toContain('学习贯彻党的二十届四中全会精神');
    expect(cleaned).not.toMatch(/1\.|supportLists|<o:p>|<style|<xml|<meta|MsoNormal\{/);
  });

  it('drops WPS list markers marked mso-list:Ignore', () => {
    const wps = `<p style="mso-list:l0 level1"><span style="mso-list:Ignore">·<span>&nbsp;</span></span>主题党日</p>`;
    expect(cleanPastedHtml(wps)).toBe('<p style="mso-list:l0 level1">主题党日</p>');
  });

  it('leaves ordinary HTML as it is', () => {
    const html = '<h2>一、总体要求</h2><ul><li><strong>坚持</strong>问题导向</li></ul>';
    expect(cleanPastedHtml(html)).toBe(html);
  });
});
