-- Search of the proposals list on title and number (issue 15) by trigram matching. PostgreSQL's text search parser
-- does not split Chinese into words, and pg_trgm makes trigrams of "word" characters only, which in the C locale
-- (and others) Chinese characters are not: show_trgm('养老服务') is empty there, and a trigram index on the title
-- would not narrow a Chinese search at all. So the index is on a key every locale splits: the lower-cased text as
-- the hex of its UTF-8 bytes. A search for q looks for the hex of lower(q) in it (the index narrows), then checks
-- the text itself with ILIKE (a hex match at an odd digit, across two characters, is dropped there).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Immutable, as an index expression must be: the database's encoding does not change under it.
CREATE FUNCTION huiyin_search_key(value TEXT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT encode(convert_to(lower(value), 'UTF8'), 'hex') $$;

-- What the list's `q` searches: the number as labelled (`第0012号`) and the title.
CREATE INDEX "proposals_search_trgm_idx" ON "proposals"
  USING gin (huiyin_search_key(coalesce("number_label", '') || ' ' || "title") gin_trgm_ops);
