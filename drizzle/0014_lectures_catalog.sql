CREATE TABLE "hall_registrations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hall_registrations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"session_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"attended" boolean,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hall_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hall_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"series" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"theme" text NOT NULL,
	"speaker" text NOT NULL,
	"place" text NOT NULL,
	"capacity" integer,
	"article_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "hall_sessions_series_check" CHECK ("hall_sessions"."series" in ('monthly', 'monday')),
	CONSTRAINT "hall_sessions_capacity_check" CHECK ("hall_sessions"."capacity" is null or "hall_sessions"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "lecture_seasons" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lecture_seasons_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"year" smallint NOT NULL,
	"booking_opens_on" date NOT NULL,
	"booking_closes_on" date NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "lecture_seasons_window_check" CHECK ("lecture_seasons"."booking_closes_on" >= "lecture_seasons"."booking_opens_on"),
	CONSTRAINT "lecture_seasons_year_check" CHECK ("lecture_seasons"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "lecture_showcases" (
	"lecture_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lecture_showcases_year_check" CHECK ("lecture_showcases"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "lecturer_listings" (
	"lecturer_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lecturer_listings_year_check" CHECK ("lecturer_listings"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "season_offers" (
	"season_id" integer NOT NULL,
	"lecture_id" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lecture_bookings" DROP CONSTRAINT "lecture_bookings_status_check";--> statement-breakpoint
ALTER TABLE "lecture_bookings" DROP CONSTRAINT "lecture_bookings_rating_check";--> statement-breakpoint
ALTER TABLE "lectures" DROP CONSTRAINT "lectures_format_check";--> statement-breakpoint
DROP INDEX "lectures_showcase_idx";--> statement-breakpoint
DROP INDEX "lecture_bookings_lecture_idx";--> statement-breakpoint
DROP INDEX "lecturers_name_idx";--> statement-breakpoint
ALTER TABLE "lecture_bookings" ALTER COLUMN "rating" SET DATA TYPE smallint;--> statement-breakpoint
ALTER TABLE "lecture_bookings" ADD COLUMN "season_id" integer;--> statement-breakpoint
ALTER TABLE "lecture_bookings" ADD COLUMN "preferred_dates" date[];--> statement-breakpoint
ALTER TABLE "lecture_bookings" ADD COLUMN "place" text;--> statement-breakpoint
ALTER TABLE "lecture_bookings" ADD COLUMN "expected_audience" integer;--> statement-breakpoint
ALTER TABLE "lecture_bookings" ADD COLUMN "scheduled_starts_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "lecture_bookings" ADD COLUMN "scheduled_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "lecture_bookings" ADD COLUMN "lecturer_id" integer;--> statement-breakpoint
ALTER TABLE "lecture_bookings" ADD COLUMN "decline_reason" text;--> statement-breakpoint
ALTER TABLE "lecture_bookings" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "lecture_bookings" ADD COLUMN "record_id" integer;--> statement-breakpoint
ALTER TABLE "lecture_bookings" ADD COLUMN "rated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "lecture_bookings" ADD COLUMN "rated_by" integer;--> statement-breakpoint
ALTER TABLE "lecturers" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "lecturers" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "lecturers" ADD COLUMN "person_id" integer;--> statement-breakpoint
ALTER TABLE "lectures" ADD COLUMN "outline" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "lectures" ADD COLUMN "published" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "lectures" ADD COLUMN "search_vector" "tsvector" DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
ALTER TABLE "hall_registrations" ADD CONSTRAINT "hall_registrations_session_id_hall_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."hall_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_registrations" ADD CONSTRAINT "hall_registrations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_registrations" ADD CONSTRAINT "hall_registrations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_sessions" ADD CONSTRAINT "hall_sessions_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_sessions" ADD CONSTRAINT "hall_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lecture_seasons" ADD CONSTRAINT "lecture_seasons_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lecture_showcases" ADD CONSTRAINT "lecture_showcases_lecture_id_lectures_id_fk" FOREIGN KEY ("lecture_id") REFERENCES "public"."lectures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lecture_showcases" ADD CONSTRAINT "lecture_showcases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lecturer_listings" ADD CONSTRAINT "lecturer_listings_lecturer_id_lecturers_id_fk" FOREIGN KEY ("lecturer_id") REFERENCES "public"."lecturers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lecturer_listings" ADD CONSTRAINT "lecturer_listings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_offers" ADD CONSTRAINT "season_offers_season_id_lecture_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."lecture_seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_offers" ADD CONSTRAINT "season_offers_lecture_id_lectures_id_fk" FOREIGN KEY ("lecture_id") REFERENCES "public"."lectures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_offers" ADD CONSTRAINT "season_offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hall_registrations_key" ON "hall_registrations" USING btree ("session_id","person_id");--> statement-breakpoint
CREATE INDEX "hall_registrations_person_idx" ON "hall_registrations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "hall_sessions_starts_idx" ON "hall_sessions" USING btree ("starts_at","id");--> statement-breakpoint
CREATE INDEX "lecture_seasons_window_idx" ON "lecture_seasons" USING btree ("booking_opens_on","id");--> statement-breakpoint
CREATE UNIQUE INDEX "lecture_showcases_key" ON "lecture_showcases" USING btree ("year","lecture_id");--> statement-breakpoint
CREATE INDEX "lecture_showcases_lecture_idx" ON "lecture_showcases" USING btree ("lecture_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "lecturer_listings_key" ON "lecturer_listings" USING btree ("year","lecturer_id");--> statement-breakpoint
CREATE INDEX "lecturer_listings_lecturer_idx" ON "lecturer_listings" USING btree ("lecturer_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "season_offers_key" ON "season_offers" USING btree ("season_id","lecture_id");--> statement-breakpoint
CREATE INDEX "season_offers_lecture_idx" ON "season_offers" USING btree ("lecture_id");--> statement-breakpoint
ALTER TABLE "lecture_bookings" ADD CONSTRAINT "lecture_bookings_season_id_lecture_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."lecture_seasons"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lecture_bookings" ADD CONSTRAINT "lecture_bookings_lecturer_id_lecturers_id_fk" FOREIGN KEY ("lecturer_id") REFERENCES "public"."lecturers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lecture_bookings" ADD CONSTRAINT "lecture_bookings_record_id_activity_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."activity_records"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lecture_bookings" ADD CONSTRAINT "lecture_bookings_rated_by_users_id_fk" FOREIGN KEY ("rated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lecturers" ADD CONSTRAINT "lecturers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lecture_bookings_season_idx" ON "lecture_bookings" USING btree ("season_id","branch_id");--> statement-breakpoint
CREATE INDEX "lecture_bookings_lecturer_slot_idx" ON "lecture_bookings" USING btree ("lecturer_id","scheduled_starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "lecture_bookings_record_key" ON "lecture_bookings" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "lecturers_person_idx" ON "lecturers" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "lectures_published_order_idx" ON "lectures" USING btree ("created_at","id") WHERE "lectures"."published";--> statement-breakpoint
CREATE INDEX "lectures_theme_idx" ON "lectures" USING btree ("theme","created_at","id") WHERE "lectures"."published";--> statement-breakpoint
CREATE INDEX "lectures_search_idx" ON "lectures" USING gin ("search_vector") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "lecture_bookings_lecture_idx" ON "lecture_bookings" USING btree ("lecture_id","status");--> statement-breakpoint
CREATE INDEX "lecturers_name_idx" ON "lecturers" USING btree ("name","id");--> statement-breakpoint
-- Data: the yearly lists replace the two booleans (dated by the year the row was created, the
-- best known), existing lectures stay public, free-text themes and the old formats map to codes,
-- and a scheduled day becomes a 09:00-Beijing slot of the lecture's length.
INSERT INTO "lecturer_listings" ("lecturer_id", "year", "created_by") SELECT "id", extract(year from "created_at" AT TIME ZONE 'Asia/Shanghai')::smallint, "created_by" FROM "lecturers" WHERE "featured";--> statement-breakpoint
INSERT INTO "lecture_showcases" ("lecture_id", "year", "created_by") SELECT "id", extract(year from "created_at" AT TIME ZONE 'Asia/Shanghai')::smallint, "created_by" FROM "lectures" WHERE "showcase";--> statement-breakpoint
UPDATE "lectures" SET "published" = true, "format" = CASE "format" WHEN 'immersive' THEN 'immersive' WHEN 'staged' THEN 'staged' WHEN 'field_visit' THEN 'on_site' ELSE 'topical' END, "theme" = CASE
  WHEN "theme" IN ('party_history', 'theory', 'integrity', 'business_environment', 'conduct', 'revolutionary_tradition', 'party_building') THEN "theme"
  WHEN "theme" IN ('党史学习教育', '党史', '建党精神', '红色档案', '地方红色文化') THEN 'party_history'
  WHEN "theme" IN ('理论武装', '青年理论学习', '理论宣讲', '党的创新理论', '理论学习') THEN 'theory'
  WHEN "theme" IN ('廉洁文化', '纪律教育', '廉政教育') THEN 'integrity'
  WHEN "theme" IN ('优化营商环境', '营商环境') THEN 'business_environment'
  WHEN "theme" IN ('作风建设') THEN 'conduct'
  WHEN "theme" IN ('革命传统教育', '新四军历史') THEN 'revolutionary_tradition'
  ELSE 'party_building' END;--> statement-breakpoint
UPDATE "lecture_bookings" AS b SET
  "scheduled_starts_at" = (b."scheduled_on" + time '01:00') AT TIME ZONE 'UTC',
  "scheduled_ends_at" = (b."scheduled_on" + time '01:00') AT TIME ZONE 'UTC' + make_interval(mins => l."duration_minutes"),
  "lecturer_id" = l."lecturer_id"
FROM "lectures" AS l WHERE l."id" = b."lecture_id" AND b."scheduled_on" IS NOT NULL;--> statement-breakpoint
UPDATE "lecture_bookings" SET "status" = 'requested' WHERE "status" = 'scheduled' AND "scheduled_on" IS NULL;--> statement-breakpoint
UPDATE "lecture_bookings" SET "cancel_reason" = "feedback", "feedback" = NULL WHERE "status" = 'cancelled';--> statement-breakpoint
UPDATE "lecture_bookings" SET "rating" = NULL WHERE "status" <> 'delivered' AND "rating" IS NOT NULL;--> statement-breakpoint
UPDATE "lecture_bookings" SET "rated_at" = "updated_at" WHERE "rating" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "lecture_bookings" DROP COLUMN "scheduled_on";--> statement-breakpoint
ALTER TABLE "lecturers" DROP COLUMN "featured";--> statement-breakpoint
ALTER TABLE "lectures" DROP COLUMN "showcase";--> statement-breakpoint
ALTER TABLE "lectures" DROP COLUMN "bookable";--> statement-breakpoint
ALTER TABLE "lecture_bookings" ADD CONSTRAINT "lecture_bookings_audience_check" CHECK ("lecture_bookings"."expected_audience" is null or "lecture_bookings"."expected_audience" between 1 and 2000);--> statement-breakpoint
ALTER TABLE "lecture_bookings" ADD CONSTRAINT "lecture_bookings_slot_check" CHECK (("lecture_bookings"."scheduled_starts_at" is null) = ("lecture_bookings"."scheduled_ends_at" is null) and ("lecture_bookings"."scheduled_ends_at" is null or "lecture_bookings"."scheduled_ends_at" > "lecture_bookings"."scheduled_starts_at"));--> statement-breakpoint
ALTER TABLE "lecture_bookings" ADD CONSTRAINT "lecture_bookings_scheduled_check" CHECK ("lecture_bookings"."status" <> 'scheduled' or "lecture_bookings"."scheduled_starts_at" is not null);--> statement-breakpoint
ALTER TABLE "lecture_bookings" ADD CONSTRAINT "lecture_bookings_declined_check" CHECK ("lecture_bookings"."status" <> 'declined' or "lecture_bookings"."decline_reason" is not null);--> statement-breakpoint
ALTER TABLE "lecture_bookings" ADD CONSTRAINT "lecture_bookings_status_check" CHECK ("lecture_bookings"."status" in ('requested', 'scheduled', 'declined', 'cancelled', 'delivered'));--> statement-breakpoint
ALTER TABLE "lecture_bookings" ADD CONSTRAINT "lecture_bookings_rating_check" CHECK ("lecture_bookings"."rating" is null or ("lecture_bookings"."rating" between 1 and 5 and "lecture_bookings"."status" = 'delivered'));--> statement-breakpoint
ALTER TABLE "lectures" ADD CONSTRAINT "lectures_theme_check" CHECK ("lectures"."theme" in ('party_history', 'theory', 'integrity', 'business_environment', 'conduct', 'revolutionary_tradition', 'party_building'));--> statement-breakpoint
ALTER TABLE "lectures" ADD CONSTRAINT "lectures_format_check" CHECK ("lectures"."format" in ('topical', 'staged', 'immersive', 'on_site'));