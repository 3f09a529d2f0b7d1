import { type SQL, sql } from 'drizzle-orm';
import { inspections } from '@/db/schema/inspections';
import { findings } from '@/db/schema/reviews';

// One rule: the inspected branch sees an inspection's findings only once the auditor released
// the inspection. A record review's findings are the branch's at once. Every read a branch makes
// of findings (its desk, the review page's counts, the inspection pages) and the answer command use it.

/** A finding the rectifying branch may see: a record's, or a released inspection's. */
export const releasedToBranch = (): SQL =>
  sql`(${findings.inspectionId} is null or exists (select 1 from ${inspections} where ${inspections.id} = ${findings.inspectionId} and ${inspections.status} = 'released'))`;
