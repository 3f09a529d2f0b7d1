CREATE TABLE "development_assessments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "development_assessments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"record_id" integer NOT NULL,
	"assessed_on" date NOT NULL,
	"result" text NOT NULL,
	"note" text,
	"transition_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "development_assessments_result_check" CHECK ("development_assessments"."result" in ('excellent', 'qualified', 'unqualified'))
);
--> statement-breakpoint
CREATE TABLE "development_introducers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "development_introducers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"record_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"assigned_on" date NOT NULL,
	"transition_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "development_records" DROP CONSTRAINT "development_records_stage_check";--> statement-breakpoint
ALTER TABLE "development_transitions" DROP CONSTRAINT "development_transitions_to_check";--> statement-breakpoint
ALTER TABLE "development_records" ADD COLUMN "concentrated_training_days" integer;--> statement-breakpoint
ALTER TABLE "development_records" ADD COLUMN "concentrated_training_hours" integer;--> statement-breakpoint
ALTER TABLE "development_records" ADD COLUMN "pre_reviewed_on" date;--> statement-breakpoint
ALTER TABLE "development_records" ADD COLUMN "approved_on" date;--> statement-breakpoint
ALTER TABLE "development_records" ADD COLUMN "extended_on" date;--> statement-breakpoint
ALTER TABLE "development_records" ADD COLUMN "extension_months" integer;--> statement-breakpoint
ALTER TABLE "development_records" ADD COLUMN "conversion_approved_on" date;--> statement-breakpoint
ALTER TABLE "development_records" ADD COLUMN "exited_on" date;--> statement-breakpoint
ALTER TABLE "development_transitions" ADD COLUMN "step" text;--> statement-breakpoint
ALTER TABLE "development_assessments" ADD CONSTRAINT "development_assessments_record_id_development_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."development_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_assessments" ADD CONSTRAINT "development_assessments_transition_id_development_transitions_id_fk" FOREIGN KEY ("transition_id") REFERENCES "public"."development_transitions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_assessments" ADD CONSTRAINT "development_assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_introducers" ADD CONSTRAINT "development_introducers_record_id_development_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."development_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_introducers" ADD CONSTRAINT "development_introducers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_introducers" ADD CONSTRAINT "development_introducers_transition_id_development_transitions_id_fk" FOREIGN KEY ("transition_id") REFERENCES "public"."development_transitions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_introducers" ADD CONSTRAINT "development_introducers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "development_assessments_record_idx" ON "development_assessments" USING btree ("record_id","assessed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "development_introducers_record_person_key" ON "development_introducers" USING btree ("record_id","person_id");--> statement-breakpoint
CREATE INDEX "development_introducers_person_idx" ON "development_introducers" USING btree ("person_id");--> statement-breakpoint
ALTER TABLE "development_records" ADD CONSTRAINT "development_records_extension_check" CHECK ("development_records"."extension_months" is null or "development_records"."extension_months" between 1 and 36);--> statement-breakpoint
ALTER TABLE "development_records" ADD CONSTRAINT "development_records_stage_check" CHECK ("development_records"."stage" in ('applicant', 'activist', 'development_target', 'probationary', 'full_member', 'dropped', 'cancelled'));--> statement-breakpoint
ALTER TABLE "development_transitions" ADD CONSTRAINT "development_transitions_step_check" CHECK ("development_transitions"."step" is null or "development_transitions"."step" in ('apply', 'talk', 'to_activist', 'assessment', 'to_target', 'political_review', 'training', 'pre_review', 'to_probationary', 'approval', 'oath', 'extend', 'to_full_member', 'conversion_approval', 'drop', 'cancel'));--> statement-breakpoint
ALTER TABLE "development_transitions" ADD CONSTRAINT "development_transitions_to_check" CHECK ("development_transitions"."to_stage" in ('applicant', 'activist', 'development_target', 'probationary', 'full_member', 'dropped', 'cancelled'));--> statement-breakpoint
UPDATE "development_transitions" SET "step" = CASE "to_stage" WHEN 'applicant' THEN 'apply' WHEN 'activist' THEN 'to_activist' WHEN 'development_target' THEN 'to_target' WHEN 'probationary' THEN 'to_probationary' WHEN 'full_member' THEN 'to_full_member' END WHERE "step" IS NULL;
--> statement-breakpoint
INSERT INTO "development_introducers" ("record_id", "person_id", "assigned_on", "created_by")
SELECT DISTINCT ON (r.id, p.id) r.id, p.id, coalesce(r.target_on, r.activist_on, r.applied_on), r.created_by
FROM "development_records" r
CROSS JOIN LATERAL unnest(r.introducers) AS n(name)
JOIN "people" p ON p.name = n.name AND p.branch_id = r.branch_id AND p.status = 'full_member'
-- A name two full members of the branch share stays a legacy name (shown as such), never a guess.
WHERE (SELECT count(*) FROM "people" q WHERE q.name = n.name AND q.branch_id = r.branch_id AND q.status = 'full_member') = 1
ORDER BY r.id, p.id;
--> statement-breakpoint
UPDATE "development_rule_sets" SET "rules" = "rules" || '{"dueWarningDays": 14}'::jsonb, "source" = "source" || '；到期前提醒天数（14 天）为市委市级机关工委补充规定' WHERE NOT ("rules" ? 'dueWarningDays');
--> statement-breakpoint
CREATE TRIGGER development_transitions_append_only BEFORE UPDATE OR DELETE ON "development_transitions" FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER development_transitions_no_truncate BEFORE TRUNCATE ON "development_transitions" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER development_assessments_append_only BEFORE UPDATE OR DELETE ON "development_assessments" FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER development_assessments_no_truncate BEFORE TRUNCATE ON "development_assessments" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
