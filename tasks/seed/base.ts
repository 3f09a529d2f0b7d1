import type { Database } from '@/db/open';
import { columns } from '@/db/schema/columns';
import { branchRuleSets } from '@/db/schema/branches';
import { developmentRuleSets } from '@/db/schema/development';
import { trainingRuleSets } from '@/db/schema/training';
import { seedColumns } from './content/columns';
import { branchRules2018, developmentRules2014, trainingRules2019 } from './rules';

/** Reference data every installation needs, demo or not: the columns and the rule sets. */
export async function seedBase(db: Database): Promise<void> {
  await db.insert(columns).values(seedColumns).onConflictDoNothing({ target: columns.slug });
  await db.insert(branchRuleSets).values(branchRules2018).onConflictDoNothing({ target: branchRuleSets.effectiveFrom });
  await db.insert(developmentRuleSets).values(developmentRules2014).onConflictDoNothing({ target: developmentRuleSets.effectiveFrom });
  await db.insert(trainingRuleSets).values(trainingRules2019).onConflictDoNothing({ target: trainingRuleSets.effectiveFrom });
}
