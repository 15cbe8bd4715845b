-- Search folding, faster: decompose (NFD), drop the combining marks, đ→d, lowercase. The same result as
-- foldVietnamese() in packages/domain and as 0004's translate() version, about seven times faster; no
-- extension needed, so PGlite and PostgreSQL fold alike.
CREATE OR REPLACE FUNCTION hub_fold(s text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fold$ SELECT lower(translate(regexp_replace(normalize(s, NFD), '[̀-ͯ]', '', 'g'), 'đĐ ', 'dd ')) $fold$;--> statement-breakpoint
-- The words of a text for search: folded, every run of other characters one space, a space at each end,
-- so "% lop %" matches the whole word "lớp" and "% lo%" any word starting so.
CREATE OR REPLACE FUNCTION hub_search_words(s text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $words$ SELECT ' ' || regexp_replace(hub_fold(s), '[^a-z0-9]+', ' ', 'g') || ' ' $words$;--> statement-breakpoint
ALTER TABLE "directive_clauses" ADD COLUMN "search_words" text GENERATED ALWAYS AS (hub_search_words(text)) STORED;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "search_words" text GENERATED ALWAYS AS (hub_search_words(narrative || ' ' || difficulties)) STORED;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "search_words" text GENERATED ALWAYS AS (hub_search_words(title || ' ' || description)) STORED;