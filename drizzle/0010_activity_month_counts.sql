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
-- The late-entry threshold (days) of each branch rule set over the span of held_on days it governs
-- (from its effective date to the next set's); before the first set nothing counts as late. The
-- same choice lib/compliance and lib/records make: the set in force on the day a meeting was held.
CREATE VIEW branch_late_entry_spans AS
  SELECT effective_from AS starts_on, lead(effective_from) OVER (ORDER BY effective_from) AS ends_before,
         (rules ->> 'lateEntryDays')::integer AS days
  FROM branch_rule_sets;
--> statement-breakpoint
-- activity_month_counts is derived from activity_records. Statement triggers with transition
-- tables keep it current in the transaction of every write (a submission, a correction that moves
-- held_on, kind or node): one grouped upsert per statement, so a bulk insert costs one pass too.
-- Each row is joined to the span its held_on falls in (a handful of rule sets) to decide
-- lateness. Drafts are not counted.
CREATE OR REPLACE FUNCTION activity_month_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A transition table exists only for the events that have it: one statement per event.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO activity_month_counts AS c (year, month, branch_id, kind, held, late)
    SELECT extract(year FROM d.held_on)::smallint, extract(month FROM d.held_on)::smallint, d.branch_id, d.kind,
           sum(d.sign), coalesce(sum(d.sign) FILTER (WHERE d.submitted_on - d.held_on > s.days), 0)
    FROM (SELECT n.held_on, n.branch_id, n.kind, n.submitted_on, 1 AS sign FROM new_rows n WHERE n.status <> 'draft') d
    LEFT JOIN branch_late_entry_spans s ON d.held_on >= s.starts_on AND (s.ends_before IS NULL OR d.held_on < s.ends_before)
    GROUP BY 1, 2, 3, 4
    HAVING sum(d.sign) <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.submitted_on - d.held_on > s.days), 0) <> 0
    ON CONFLICT (year, branch_id, kind, month) DO UPDATE SET held = c.held + excluded.held, late = c.late + excluded.late;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO activity_month_counts AS c (year, month, branch_id, kind, held, late)
    SELECT extract(year FROM d.held_on)::smallint, extract(month FROM d.held_on)::smallint, d.branch_id, d.kind,
           sum(d.sign), coalesce(sum(d.sign) FILTER (WHERE d.submitted_on - d.held_on > s.days), 0)
    FROM (SELECT o.held_on, o.branch_id, o.kind, o.submitted_on, -1 AS sign FROM old_rows o WHERE o.status <> 'draft') d
    LEFT JOIN branch_late_entry_spans s ON d.held_on >= s.starts_on AND (s.ends_before IS NULL OR d.held_on < s.ends_before)
    GROUP BY 1, 2, 3, 4
    HAVING sum(d.sign) <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.submitted_on - d.held_on > s.days), 0) <> 0
    ON CONFLICT (year, branch_id, kind, month) DO UPDATE SET held = c.held + excluded.held, late = c.late + excluded.late;
  ELSE
    INSERT INTO activity_month_counts AS c (year, month, branch_id, kind, held, late)
    SELECT extract(year FROM d.held_on)::smallint, extract(month FROM d.held_on)::smallint, d.branch_id, d.kind,
           sum(d.sign), coalesce(sum(d.sign) FILTER (WHERE d.submitted_on - d.held_on > s.days), 0)
    FROM (SELECT o.held_on, o.branch_id, o.kind, o.submitted_on, -1 AS sign FROM old_rows o WHERE o.status <> 'draft'
          UNION ALL SELECT n.held_on, n.branch_id, n.kind, n.submitted_on, 1 AS sign FROM new_rows n WHERE n.status <> 'draft') d
    LEFT JOIN branch_late_entry_spans s ON d.held_on >= s.starts_on AND (s.ends_before IS NULL OR d.held_on < s.ends_before)
    GROUP BY 1, 2, 3, 4
    HAVING sum(d.sign) <> 0 OR coalesce(sum(d.sign) FILTER (WHERE d.submitted_on - d.held_on > s.days), 0) <> 0
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
-- (A million records take about 2 s.)
CREATE OR REPLACE FUNCTION activity_month_counts_rebuild(since date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  first_month date := date_trunc('month', since)::date;
BEGIN
  LOCK TABLE activity_records IN SHARE MODE;
  DELETE FROM activity_month_counts
  WHERE (year, month) >= (extract(year FROM first_month)::smallint, extract(month FROM first_month)::smallint);
  INSERT INTO activity_month_counts (year, month, branch_id, kind, held, late)
  SELECT extract(year FROM r.held_on)::smallint, extract(month FROM r.held_on)::smallint, r.branch_id, r.kind, count(*),
         count(*) FILTER (WHERE r.submitted_on - r.held_on > s.days)
  FROM activity_records r
  LEFT JOIN branch_late_entry_spans s ON r.held_on >= s.starts_on AND (s.ends_before IS NULL OR r.held_on < s.ends_before)
  WHERE r.status <> 'draft' AND r.held_on >= first_month
  GROUP BY 1, 2, 3, 4;
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
