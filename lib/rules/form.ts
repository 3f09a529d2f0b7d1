import { boundNodeKinds, ruleActivityKinds } from './kinds';
import type { BranchRules } from './schemas';

// The new-version form's field values from a rule set (the form starts from the latest one). Pure.

export function ruleFormValues(rules: BranchRules | null): Record<string, string> {
  if (!rules) return {};
  const values: Record<string, string> = {
    lateEntryDays: String(rules.lateEntryDays),
    termWarningDays: String(rules.termWarningDays),
    findingDueDays: String(rules.findingDueDays),
    inactivityMonths: String(rules.inactivityMonths),
    secretaryLecturesPerYear: String(rules.secretaryLecturesPerYear),
    termYears_unit_organization: String(rules.termYears.unit_organization ?? 5),
    termYears_general_branch: String(rules.termYears.general_branch ?? 3),
    termYears_branch: String(rules.termYears.branch ?? 3),
  };
  for (const kind of ruleActivityKinds) {
    const f = rules.frequencies.find((x) => x.kind === kind);
    values[`per_${kind}`] = f?.per ?? '';
    values[`min_${kind}`] = f ? String(f.min) : '1';
    for (const node of boundNodeKinds) if (f?.nodeKinds.includes(node)) values[`nodes_${kind}_${node}`] = 'on';
  }
  return values;
}
