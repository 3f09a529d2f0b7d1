import type { Database } from '@/db/open';
import { columns } from '@/db/schema/columns';
import { developmentRuleSets } from '@/db/schema/development';
import { seedColumns } from './content/columns';
import { developmentRules2014 } from './rules';

/** Reference data every installation needs, demo or not: the columns and the rule set. */
export async function seedBase(db: Database): Promise<void> {
  await db.insert(columns).values(seedColumns).onConflictDoNothing({ target: columns.slug });
  await db.insert(developmentRuleSets).values(developmentRules2014).onConflictDoNothing({ target: developmentRuleSets.effectiveFrom });
}
