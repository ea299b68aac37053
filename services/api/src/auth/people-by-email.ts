import type { Database } from "@huiyin/db";

/**
 * The people whose e-mail is `email`, ignoring case, with their accounts: at most two (an e-mail held by two people
 * names nobody; the caller needs only to know there are several). Compared as `lower(email) = lower($1)` in plain
 * SQL: Prisma's case-insensitive `equals` is an `ILIKE` whose pattern characters it does not escape, so a login of
 * `%` matched every person, `_` any character (a person could be signed in for by a neighbouring address, or locked
 * out of their own when two matched), and a login ending in `\` was a 500.
 */
export async function peopleWithEmail(database: Database, email: string) {
  const { rows } = await database.pool.query<{ id: string }>({
    name: "huiyin.api.peopleWithEmail",
    text: "SELECT id FROM people WHERE lower(email) = lower($1) ORDER BY id LIMIT 2",
    values: [email],
  });
  if (rows.length === 0) return [];
  return database.prisma.person.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    include: { account: true },
  });
}
