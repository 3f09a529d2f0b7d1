// Word and WPS put a lot around the text they copy: conditional comments, Office XML, list
// bullets as literal text, style blocks and <o:p> tags. The editor's schema already drops
// unknown tags and every style attribute; this removes what would otherwise survive as junk
// text (a "·" or "1." before each list item, "if !supportLists" fragments) before it parses.

export function cleanPastedHtml(html: string): string {
  return (
    html
      // List markers Word writes as text, wrapped in <!--[if !supportLists]--> … <!--[endif]-->.
      .replace(/<!--\[if !supportLists\]-->[\s\S]*?<!--\[endif\]-->/gi, '')
      // WPS and newer Word mark the same marker with mso-list:Ignore.
      .replace(/<span[^>]*mso-list:\s*Ignore[^>]*>(?:[^<]|<span[^>]*>[^<]*<\/span>)*<\/span>/gi, '')
      .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(style|script|xml|meta|link|title)\b[\s\S]*?<\/\1>/gi, '')
      .replace(/<(meta|link)\b[^>]*>/gi, '')
      .replace(/<\/?o:[^>]*>/gi, '')
      .replace(/<\/?[vw]:[^>]*>/gi, '')
      // Word's non-breaking spaces between Chinese characters are layout, not content.
      .replace(/&nbsp;/g, ' ')
  );
}
