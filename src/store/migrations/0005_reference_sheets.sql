CREATE TABLE "reference_sheets" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"sheet_date" text NOT NULL,
	"edition" text DEFAULT '' NOT NULL,
	"sheet" jsonb NOT NULL,
	"imported_by" text,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reference_sheets_kind_check" CHECK ("reference_sheets"."kind" in ('participating', 'pending'))
);
--> statement-breakpoint
ALTER TABLE "reference_sheets" ADD CONSTRAINT "reference_sheets_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reference_sheets_key_idx" ON "reference_sheets" USING btree ("kind","sheet_date","edition");