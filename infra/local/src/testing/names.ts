/** The migrated database that each test file's own database is cloned from. */
export const TEMPLATE_DATABASE = "huiyin_template";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the `postgres` maintenance database of the test server (for CREATE/DROP DATABASE). */
    postgresAdminUrl: string;
    /** A database with every migration applied, which each test file clones. */
    templateDatabase: string;
    redisUrl: string;
  }
}
