import { describe, expect, it, vi } from 'vitest';

// A failing public page answers the Chinese error page: status 500, never stored by caches
// (the page cache's refusal is lib/cache/shared-cache-handler.test.ts), reading no data (the
// failure may be the database), and revalidating nothing: other instances keep their copies.
const revalidatePath = vi.fn();
vi.mock('next/cache', () => ({ revalidatePath }));
vi.mock('@/lib/news/queries', () => ({
  findVisibleColumn: async () => {
    throw new Error('database down');
  },
  listVisibleColumns: async () => {
    throw new Error('database down');
  },
}));

const { GET: columnRoute } = await import('@/app/(public)/columns/[slug]/route');

describe('a public page that fails', () => {
  it('answers the Chinese error page, uncached, and leaves every cached copy in place', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await columnRoute(new Request('http://localhost/columns/work-news'), { params: Promise.resolve({ slug: 'work-news' }) });
    expect(response.status).toBe(500);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('<h1>页面暂时无法显示</h1>');
    expect(html).toContain('<a class="button" href="/columns/work-news">重试</a>');
    expect(html).not.toContain('database down');
    expect(html).not.toContain('<script');
    expect(revalidatePath).not.toHaveBeenCalled();
    expect(errors).toHaveBeenCalled();
  });
});
