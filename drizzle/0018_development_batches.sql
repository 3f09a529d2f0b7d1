CREATE TABLE "development_batches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "development_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"step" text NOT NULL,
	"decided_on" date NOT NULL,
	"deciding_body" text NOT NULL,
	"note" text,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"moved_count" integer NOT NULL,
	"refused_count" integer NOT NULL,
	"outcomes" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "development_batches_step_check" CHECK ("development_batches"."step" in ('apply', 'talk', 'to_activist', 'assessment', 'to_target', 'political_review', 'training', 'pre_review', 'to_probationary', 'approval', 'oath', 'extend', 'to_full_member', 'conversion_approval', 'drop', 'cancel')),
	CONSTRAINT "development_batches_body_check" CHECK ("development_batches"."deciding_body" in ('branch_committee', 'general_meeting', 'higher_committee'))
);
--> statement-breakpoint
CREATE TABLE "development_corrections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "development_corrections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"transition_id" integer NOT NULL,
	"record_id" integer NOT NULL,
	"previous_on" date NOT NULL,
	"corrected_on" date NOT NULL,
	"reason" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "development_corrections_reason_check" CHECK (length(trim("development_corrections"."reason")) > 0)
);
--> statement-breakpoint
ALTER TABLE "development_transitions" ADD COLUMN "batch_id" integer;--> statement-breakpoint
ALTER TABLE "development_batches" ADD CONSTRAINT "development_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_corrections" ADD CONSTRAINT "development_corrections_transition_id_development_transitions_id_fk" FOREIGN KEY ("transition_id") REFERENCES "public"."development_transitions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_corrections" ADD CONSTRAINT "development_corrections_record_id_development_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."development_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_corrections" ADD CONSTRAINT "development_corrections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "development_batches_created_idx" ON "development_batches" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "development_corrections_transition_idx" ON "development_corrections" USING btree ("transition_id","id");--> statement-breakpoint
CREATE INDEX "development_corrections_record_idx" ON "development_corrections" USING btree ("record_id","id");--> statement-breakpoint
ALTER TABLE "development_transitions" ADD CONSTRAINT "development_transitions_batch_id_development_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."development_batches"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "development_transitions_step_decided_idx" ON "development_transitions" USING btree ("step","decided_on");--> statement-breakpoint
CREATE TRIGGER development_batches_append_only BEFORE UPDATE OR DELETE ON "development_batches" FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER development_batches_no_truncate BEFORE TRUNCATE ON "development_batches" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER development_corrections_append_only BEFORE UPDATE OR DELETE ON "development_corrections" FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER development_corrections_no_truncate BEFORE TRUNCATE ON "development_corrections" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
