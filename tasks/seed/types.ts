import type { BranchKind } from '@/db/schema/branches';
import type { LectureFormat, LectureTheme } from '@/db/schema/lectures';

/** Demo content is plain data; tasks/seed/ turns it into rows. */
export type SeedColumn = { slug: string; name: string; description: string; sortOrder: number };

export type SeedBranch = {
  code: string;
  parentCode: string | null;
  kind: BranchKind;
  name: string;
  unitName: string;
  // The node's secretary and deputy: seeded as people of the node holding those positions.
  secretaryName?: string;
  deputySecretaryName?: string;
  contactPhone?: string;
  establishedOn?: string;
  showcase?: string;
};

/** Body blocks: a section heading, a paragraph, a bullet list or a quotation. */
export type SeedBlock = { h: string } | { p: string } | { ul: string[] } | { quote: string };

export type SeedArticle = {
  slug: string;
  column: string;
  kicker?: string;
  title: string;
  subtitle?: string;
  byline: string;
  source: string;
  summary: string;
  /** ISO 8601 with +08:00 offset. */
  publishedAt: string;
  pinned?: boolean;
  videoUrl?: string;
  body: SeedBlock[];
};

export type SeedLecturer = {
  name: string;
  unitName: string;
  title: string;
  specialties: string[];
  bio: string;
  /** Years whose published list (百名党课讲师) names the lecturer. */
  listedYears?: number[];
};

export type SeedLecture = {
  title: string;
  theme: LectureTheme;
  lecturer: string;
  format: LectureFormat;
  durationMinutes: number;
  outline: string[];
  summary: string;
  /** Unpublished lectures stay off the public site; published by default. */
  published?: boolean;
  /** Years whose showcase list (百节精品党课) names the lecture. */
  showcaseYears?: number[];
};
