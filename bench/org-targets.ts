// The admin pages whose server time the org bench measures: data, so a page that lands (or
// moves) is one line here. `{unitId}`, `{personId}`, `{secretaryPersonId}` and
// `{secretaryBranchId}` are filled from the loaded corpus (bench/org-corpus.ts OrgFixtures).
// BENCH_ORG_TARGETS=<file.json> replaces the list with the same shape, for a quick experiment.

export type OrgRole = 'admin' | 'secretary';

export type OrgTarget = {
  name: string;
  as: OrgRole;
  path: string;
  /** Follow the page's rel="next" link this many times first, and measure the page reached. */
  followNext?: number;
  /** Pages of issue 11; the others exist already and prove the harness (sign-in, paging). */
  issue11?: boolean;
};

export const orgTargets: OrgTarget[] = [
  // Issue 11 ("Scale"): the compliance pages, the record book under every filter and deep in
  // its keyset pages, and a person's page; as an admin, and as the secretary of a branch.
  { name: 'compliance, work committee, 2025', as: 'admin', path: '/admin/compliance?year=2025', issue11: true },
  { name: 'compliance, work committee, 2025 by month', as: 'admin', path: '/admin/compliance?year=2025&view=month', issue11: true },
  { name: 'compliance, one unit, 2025', as: 'admin', path: '/admin/compliance?branch={unitId}&year=2025', issue11: true },
  { name: 'compliance, work committee, 2025, page 2', as: 'admin', path: '/admin/compliance?year=2025&page=2', issue11: true },
  { name: 'compliance, missed general meetings, 2025', as: 'admin', path: '/admin/compliance?year=2025&gaps=general_meeting', issue11: true },
  { name: 'six months without organizational life', as: 'admin', path: '/admin/compliance/inactive', issue11: true },
  { name: 'the same, page 2', as: 'admin', path: '/admin/compliance/inactive', followNext: 1, issue11: true },
  { name: 'records', as: 'admin', path: '/admin/records', issue11: true },
  // The record book's node filter is `branch` (lib/records/filters.ts), as compliance links it;
  // an unknown parameter is ignored there, so a wrong name here would measure the whole book.
  { name: 'records of one unit', as: 'admin', path: '/admin/records?branch={unitId}', issue11: true },
  { name: 'general meetings of 2024', as: 'admin', path: '/admin/records?kind=general_meeting&from=2024-01-01&to=2024-12-31', issue11: true },
  { name: 'late general meetings of 2024', as: 'admin', path: '/admin/records?kind=general_meeting&from=2024-01-01&to=2024-12-31&late=1', issue11: true },
  { name: 'records, page 21', as: 'admin', path: '/admin/records', followNext: 20, issue11: true },
  { name: 'records of one unit, page 21', as: 'admin', path: '/admin/records?branch={unitId}', followNext: 20, issue11: true },
  { name: 'records, last page', as: 'admin', path: '/admin/records?cursor=last', issue11: true },
  { name: 'a person', as: 'admin', path: '/admin/people/{personId}', issue11: true },
  { name: 'compliance, own branch, 2025', as: 'secretary', path: '/admin/compliance?year=2025', issue11: true },
  { name: 'records of own branch', as: 'secretary', path: '/admin/records', issue11: true },
  { name: 'records of own branch, page 11', as: 'secretary', path: '/admin/records', followNext: 10, issue11: true },
  { name: 'a person of own branch', as: 'secretary', path: '/admin/people/{secretaryPersonId}', issue11: true },
  { name: 'workbench', as: 'secretary', path: '/admin', issue11: true },

  // The review queue (issue 12) over the same million records: submitted, not yet reviewed, oldest first.
  { name: 'review queue', as: 'admin', path: '/admin/reviews' },
  { name: 'review queue, page 3', as: 'admin', path: '/admin/reviews', followNext: 2 },
  { name: 'review queue of own branch', as: 'secretary', path: '/admin/reviews' },
  { name: 'inspections', as: 'admin', path: '/admin/inspections' },
  { name: 'member development board', as: 'admin', path: '/admin/development' },

  // The editorial desk's lists at 100,000 articles and 200,000 audit rows (issue 18; grown by
  // bench/admin-corpus.ts): every tab, both sorts, first and last pages, a title filter.
  { name: 'articles', as: 'admin', path: '/admin/articles' },
  { name: 'articles, page 3', as: 'admin', path: '/admin/articles', followNext: 2 },
  { name: 'articles, last page', as: 'admin', path: '/admin/articles?cursor=last' },
  { name: 'articles, drafts', as: 'admin', path: '/admin/articles?status=draft' },
  { name: 'articles, in review', as: 'admin', path: '/admin/articles?status=in_review' },
  { name: 'articles, scheduled', as: 'admin', path: '/admin/articles?status=scheduled' },
  { name: 'articles, published', as: 'admin', path: '/admin/articles?status=published' },
  { name: 'articles, archived', as: 'admin', path: '/admin/articles?status=archived' },
  { name: 'articles by publication', as: 'admin', path: '/admin/articles?sort=published' },
  { name: 'articles by publication, last page', as: 'admin', path: '/admin/articles?sort=published&cursor=last' },
  { name: 'drafts, last page', as: 'admin', path: '/admin/articles?status=draft&cursor=last' },
  { name: 'articles titled 党课', as: 'admin', path: `/admin/articles?q=${encodeURIComponent('党课')}` },
  { name: 'audit trail', as: 'admin', path: '/admin/audit' },
  { name: 'audit trail, last page', as: 'admin', path: '/admin/audit?cursor=last' },
  { name: 'media library', as: 'admin', path: '/admin/media' },
  { name: 'users', as: 'admin', path: '/admin/users' },

  // Training coverage (issue 14): every committee member in post in the year, their rotation
  // and hours, for the whole work committee (≤ 150 ms server time is the target) and one unit.
  { name: 'training coverage, work committee, last year', as: 'admin', path: `/admin/training/coverage?year=${new Date().getFullYear() - 1}` },
  { name: 'training coverage, work committee, untrained', as: 'admin', path: `/admin/training/coverage?year=${new Date().getFullYear() - 1}&show=untrained` },
  { name: 'training coverage, one unit', as: 'admin', path: `/admin/training/coverage?year=${new Date().getFullYear() - 1}&unit={unitId}` },
  { name: 'training coverage, own branch', as: 'secretary', path: '/admin/training/coverage' },
];
