import { describe, expect, it } from 'vitest';
import { GET } from './route';

const call = (slug: string) => GET(new Request(`http://localhost/articles/${slug}/qr.svg`), { params: Promise.resolve({ slug }) });

describe('GET /articles/<slug>/qr.svg', () => {
  it('answers an SVG QR code, cacheable, never sniffed as anything else', async () => {
    const response = await call('2025-12-digital-newscast-year-review');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toContain('max-age=86400');
    const svg = await response.text();
    expect(svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(svg).not.toMatch(/<script|on\w+=/i);
  });

  it('refuses what is not a slug', async () => {
    for (const slug of ['Bad Slug', '<script>', '../etc', 'a'.repeat(200)]) expect((await call(slug)).status).toBe(404);
  });
});
