-- Every change of an API key (revoked, rebound, deleted) is published on commit to the api processes, which cache
-- verified keys for a few seconds (services/api/src/auth/key-revocations.ts): a revoked key fails at the next
-- request on every process, whoever revoked it (the api, the CLI, psql). NOTIFY inside the changing transaction:
-- sent only when it commits. The payload is the key's id (never its hash). Triggers are outside Prisma's schema
-- language: schema.prisma says so beside ApiKey.
CREATE FUNCTION "huiyin_api_key_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('huiyin_api_key_changed', OLD."id");
  RETURN NULL;
END;
$$;

CREATE TRIGGER "api_keys_changed" AFTER UPDATE OR DELETE ON "api_keys"
  FOR EACH ROW EXECUTE FUNCTION "huiyin_api_key_changed"();
