CREATE TABLE "training_attendance" (
	"session_id" integer NOT NULL,
	"trainee_id" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_rule_sets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_rule_sets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"effective_from" date NOT NULL,
	"rules" jsonb NOT NULL,
	"source" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"hours" numeric(4, 1) NOT NULL,
	"topic" text NOT NULL,
	"teacher" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "training_sessions_hours_check" CHECK ("training_sessions"."hours" > 0 and "training_sessions"."hours" <= 24)
);
--> statement-breakpoint
ALTER TABLE "training_rounds" DROP CONSTRAINT "training_rounds_kind_check";--> statement-breakpoint
DROP INDEX "training_rounds_starts_idx";--> statement-breakpoint
ALTER TABLE "hall_sessions" ADD COLUMN "class_hours" numeric(4, 1);--> statement-breakpoint
ALTER TABLE "trainees" ADD COLUMN "certificate_no" text;--> statement-breakpoint
ALTER TABLE "training_rounds" ADD COLUMN "audience" text;--> statement-breakpoint
-- The old kinds named audience and format at once; split them.
UPDATE "training_rounds" SET "audience" = CASE "kind"
  WHEN 'secretary_rotation' THEN 'secretaries'
  WHEN 'new_secretary' THEN 'secretaries'
  WHEN 'activist' THEN 'activists'
  WHEN 'development_target' THEN 'development_targets'
  ELSE 'all_members' END;--> statement-breakpoint
UPDATE "training_rounds" SET "kind" = CASE "kind"
  WHEN 'secretary_rotation' THEN 'rotation'
  WHEN 'new_secretary' THEN 'rotation'
  WHEN 'development_target' THEN 'concentrated'
  ELSE 'thematic' END;--> statement-breakpoint
ALTER TABLE "training_rounds" ALTER COLUMN "audience" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "training_rounds" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_trainee_id_trainees_id_fk" FOREIGN KEY ("trainee_id") REFERENCES "public"."trainees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_rule_sets" ADD CONSTRAINT "training_rule_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_round_id_training_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."training_rounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "training_attendance_key" ON "training_attendance" USING btree ("session_id","trainee_id");--> statement-breakpoint
CREATE INDEX "training_attendance_trainee_idx" ON "training_attendance" USING btree ("trainee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_rule_sets_effective_key" ON "training_rule_sets" USING btree ("effective_from");--> statement-breakpoint
CREATE INDEX "training_sessions_round_idx" ON "training_sessions" USING btree ("round_id","held_on","id");--> statement-breakpoint
CREATE INDEX "training_sessions_held_idx" ON "training_sessions" USING btree ("held_on");--> statement-breakpoint
CREATE INDEX "trainees_person_idx" ON "trainees" USING btree ("person_id","round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "trainees_certificate_key" ON "trainees" USING btree ("certificate_no");--> statement-breakpoint
CREATE INDEX "training_rounds_starts_idx" ON "training_rounds" USING btree ("starts_on","id");--> statement-breakpoint
ALTER TABLE "hall_sessions" ADD CONSTRAINT "hall_sessions_hours_check" CHECK ("hall_sessions"."class_hours" is null or ("hall_sessions"."class_hours" > 0 and "hall_sessions"."class_hours" <= 24));--> statement-breakpoint
ALTER TABLE "training_rounds" ADD CONSTRAINT "training_rounds_audience_check" CHECK ("training_rounds"."audience" in ('secretaries', 'committee_members', 'activists', 'development_targets', 'all_members'));--> statement-breakpoint
ALTER TABLE "training_rounds" ADD CONSTRAINT "training_rounds_kind_check" CHECK ("training_rounds"."kind" in ('rotation', 'thematic', 'concentrated', 'online'));;--> statement-breakpoint
-- A trainee's hours are the hours of the sessions they attended: kept here, in the same
-- transaction as every attendance change and every change of a session's hours.
CREATE FUNCTION "trainees_recount_hours"(trainee integer) RETURNS void LANGUAGE sql AS $$
  UPDATE "trainees" SET "attended_hours" = coalesce((
    SELECT sum(s."hours") FROM "training_attendance" a JOIN "training_sessions" s ON s."id" = a."session_id"
    WHERE a."trainee_id" = trainee), 0)
  WHERE "id" = trainee;
$$;--> statement-breakpoint
CREATE FUNCTION "training_attendance_recount"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "trainees_recount_hours"(OLD."trainee_id");
  ELSE
    PERFORM "trainees_recount_hours"(NEW."trainee_id");
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "training_attendance_recount" AFTER INSERT OR DELETE ON "training_attendance"
  FOR EACH ROW EXECUTE FUNCTION "training_attendance_recount"();--> statement-breakpoint
CREATE FUNCTION "training_sessions_recount"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "trainees_recount_hours"(a."trainee_id") FROM "training_attendance" a WHERE a."session_id" = NEW."id";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "training_sessions_recount" AFTER UPDATE OF "hours" ON "training_sessions"
  FOR EACH ROW WHEN (OLD."hours" IS DISTINCT FROM NEW."hours") EXECUTE FUNCTION "training_sessions_recount"();
