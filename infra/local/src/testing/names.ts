/** The migrated database that each test file's own database is cloned from. */
export const TEMPLATE_DATABASE = "huiyin_template";
