DROP INDEX "articles_search_idx";--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "title_vector" "tsvector" DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
CREATE INDEX "articles_title_search_idx" ON "articles" USING gin ("title_vector") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "articles_visible_date_idx" ON "articles" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "articles"."status" in ('published', 'scheduled');--> statement-breakpoint
CREATE INDEX "articles_search_idx" ON "articles" USING gin ("search_vector") WITH (fastupdate=false);