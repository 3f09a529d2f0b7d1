CREATE TABLE "activity_month_counts" (
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"branch_id" integer NOT NULL,
	"kind" text NOT NULL,
	"held" integer NOT NULL,
	"late" integer NOT NULL,
	CONSTRAINT "activity_month_counts_year_branch_id_kind_month_pk" PRIMARY KEY("year","branch_id","kind","month")
);

--> statement-breakpoint
-- The late-entry threshold (days) of the branch rule set in force on a day; null before the first
-- set, when nothing counts as late. The same choice lib/compliance makes (the set in force on held_on).
CREATE OR REPLACE FUNCTION late_entry_days_on(day date) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT (rules ->> 'lateEntryDays')::integer FROM branch_rule_sets
  WHERE effective_from <= day ORDER BY effective_from DESC LIMIT 1
$$;
--> statement-breakpoint
-- activity_month_counts is derived from activity_records. Statement triggers with transition
-- tables keep it current in the transaction of every write (a submission, a correction that moves
-- held_on, kind or node), one grouped upsert per statement, so a bulk insert costs one pass too.
-- Drafts are not counted.
CREATE OR REPLACE FUNCTION activity_month_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO activity_month_counts AS c (year, month, branch_id, kind, held, late)
    SELECT extract(year FROM n.held_on)::smallint, extract(month FROM n.held_on)::smallint, n.branch_id, n.kind, count(*),
           count(*) FILTER (WHERE n.submitted_on - n.held_on > late_entry_days_on(n.held_on))
    FROM new_rows n WHERE n.status <> 'draft' GROUP BY 1, 2, 3, 4
    ON CONFLICT (year, branch_id, kind, month) DO UPDATE SET held = c.held + excluded.held, late = c.late + excluded.late;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO activity_month_counts AS c (year, month, branch_id, kind, held, late)
    SELECT extract(year FROM o.held_on)::smallint, extract(month FROM o.held_on)::smallint, o.branch_id, o.kind, -count(*),
           -count(*) FILTER (WHERE o.submitted_on - o.held_on > late_entry_days_on(o.held_on))
    FROM old_rows o WHERE o.status <> 'draft' GROUP BY 1, 2, 3, 4
    ON CONFLICT (year, branch_id, kind, month) DO UPDATE SET held = c.held + excluded.held, late = c.late + excluded.late;
  ELSE
    INSERT INTO activity_month_counts AS c (year, month, branch_id, kind, held, late)
    SELECT d.year, d.month, d.branch_id, d.kind, sum(d.sign), coalesce(sum(d.sign) FILTER (WHERE d.late), 0)
    FROM (
      SELECT extract(year FROM o.held_on)::smallint AS year, extract(month FROM o.held_on)::smallint AS month, o.branch_id, o.kind, -1 AS sign,
             coalesce(o.submitted_on - o.held_on > late_entry_days_on(o.held_on), false) AS late
      FROM old_rows o WHERE o.status <> 'draft'
      UNION ALL
      SELECT extract(year FROM n.held_on)::smallint, extract(month FROM n.held_on)::smallint, n.branch_id, n.kind, 1,
             coalesce(n.submitted_on - n.held_on > late_entry_days_on(n.held_on), false)
      FROM new_rows n WHERE n.status <> 'draft'
    ) d
    GROUP BY 1, 2, 3, 4
    HAVING sum(d.sign) <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.late), 0) <> 0
    ON CONFLICT (year, branch_id, kind, month) DO UPDATE SET held = c.held + excluded.held, late = c.late + excluded.late;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER activity_month_counts_insert AFTER INSERT ON "activity_records" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION activity_month_counts_apply();
--> statement-breakpoint
CREATE TRIGGER activity_month_counts_update AFTER UPDATE ON "activity_records" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION activity_month_counts_apply();
--> statement-breakpoint
CREATE TRIGGER activity_month_counts_delete AFTER DELETE ON "activity_records" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION activity_month_counts_apply();
--> statement-breakpoint
-- Recounts every month from `since` on: when a rule set changes, the late-entry threshold of the
-- records held from its date on changes with it; and after a bulk load that skipped the triggers.
-- The share lock holds record writes back meanwhile, so none is counted twice or missed.
CREATE OR REPLACE FUNCTION activity_month_counts_rebuild(since date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  first_month date := date_trunc('month', since)::date;
BEGIN
  LOCK TABLE activity_records IN SHARE MODE;
  DELETE FROM activity_month_counts
  WHERE (year, month) >= (extract(year FROM first_month)::smallint, extract(month FROM first_month)::smallint);
  INSERT INTO activity_month_counts (year, month, branch_id, kind, held, late)
  SELECT extract(year FROM r.held_on)::smallint, extract(month FROM r.held_on)::smallint, r.branch_id, r.kind, count(*),
         count(*) FILTER (WHERE r.submitted_on - r.held_on > late_entry_days_on(r.held_on))
  FROM activity_records r WHERE r.status <> 'draft' AND r.held_on >= first_month GROUP BY 1, 2, 3, 4;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION activity_month_counts_rules_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  since date;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT min(effective_from) INTO since FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT min(effective_from) INTO since FROM old_rows;
  ELSE
    SELECT min(d) INTO since FROM (SELECT effective_from AS d FROM old_rows UNION ALL SELECT effective_from FROM new_rows) x;
  END IF;
  IF since IS NOT NULL THEN
    PERFORM activity_month_counts_rebuild(since);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER branch_rule_sets_recount_insert AFTER INSERT ON "branch_rule_sets" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION activity_month_counts_rules_changed();
--> statement-breakpoint
CREATE TRIGGER branch_rule_sets_recount_update AFTER UPDATE ON "branch_rule_sets" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION activity_month_counts_rules_changed();
--> statement-breakpoint
CREATE TRIGGER branch_rule_sets_recount_delete AFTER DELETE ON "branch_rule_sets" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION activity_month_counts_rules_changed();
--> statement-breakpoint
SELECT activity_month_counts_rebuild('0001-01-01');
