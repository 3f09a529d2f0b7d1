CREATE TABLE "development_documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "development_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"record_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"storage_key" text NOT NULL,
	"mime_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"original_name" text NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" integer,
	"removal_reason" text,
	CONSTRAINT "development_documents_kind_check" CHECK ("development_documents"."kind" in ('application', 'thought_report', 'political_review', 'assessment', 'admission_form', 'conversion_application', 'other')),
	CONSTRAINT "development_documents_mime_check" CHECK ("development_documents"."mime_type" in ('application/pdf', 'image/jpeg', 'image/png', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')),
	CONSTRAINT "development_documents_title_check" CHECK (length(trim("development_documents"."title")) > 0),
	CONSTRAINT "development_documents_size_check" CHECK ("development_documents"."byte_size" > 0),
	CONSTRAINT "development_documents_removal_check" CHECK (("development_documents"."removed_at" is null) = ("development_documents"."removal_reason" is null))
);
--> statement-breakpoint
ALTER TABLE "development_documents" ADD CONSTRAINT "development_documents_record_id_development_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."development_records"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_documents" ADD CONSTRAINT "development_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_documents" ADD CONSTRAINT "development_documents_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "development_documents_record_idx" ON "development_documents" USING btree ("record_id","uploaded_at");