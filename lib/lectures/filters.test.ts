import { describe, expect, it } from 'vitest';
import { parseCatalogFilters } from './filters';

describe('parseCatalogFilters', () => {
  it('keeps known codes and well-formed numbers', () => {
    expect(parseCatalogFilters(new URLSearchParams('theme=integrity&format=staged&lecturer=12&year=2025&q=%20廉洁%20'))).toEqual({
      theme: 'integrity',
      format: 'staged',
      lecturerId: 12,
      year: 2025,
      q: '廉洁',
    });
  });

  it('ignores unknown or malformed values', () => {
    expect(parseCatalogFilters(new URLSearchParams('theme=nope&format=classroom&lecturer=-1&year=25&q='))).toEqual({
      theme: undefined,
      format: undefined,
      lecturerId: undefined,
      year: undefined,
      q: undefined,
    });
  });
});
