import {
  calendarOf,
  defaultPolicy,
  formatNumber,
  localDateOf,
  type NumberFacts,
  type Policy,
  type ProposalNumber,
} from "@huiyin/domain";
import type { EventFacts } from "@huiyin/engine";

/** The transaction's connection the engine lends to the facts. */
type Client = Parameters<EventFacts>[0];

interface SessionRow {
  id: string;
  plenary: boolean;
}

/**
 * The session of the proposal's committee (`committeeId` when one is fixed) whose span holds a local date, and
 * whether the date is in its plenary. The committee is read in the same statement: one round trip of the event's
 * transaction, not two (issue 18).
 */
async function sessionOn(
  client: Client,
  of: { proposalId: string; committeeId: string | undefined },
  date: string,
): Promise<SessionRow | undefined> {
  const { rows } = await client.query<SessionRow>(
    `SELECT id, ($2::date BETWEEN plenary_starts_on AND plenary_ends_on) AS plenary
       FROM committee_sessions
      WHERE committee_id = COALESCE($3::text, (SELECT committee_id FROM proposals WHERE id = $1), 'default')
        AND $2::date BETWEEN starts_on AND ends_on
      ORDER BY starts_on DESC LIMIT 1`,
    [of.proposalId, date, of.committeeId ?? null],
  );
  return rows[0];
}

/**
 * The next number of a session: its counter row, incremented in the registration's transaction. The row stays
 * locked until that transaction ends, so concurrent registrations in one session take their numbers one after
 * another; a registration the machine refuses rolls back and gives its number back: gapless, never reused.
 */
async function nextNumber(client: Client, sessionId: string): Promise<ProposalNumber> {
  const { rows } = await client.query<{ last_number: number; number_pattern: string }>(
    `UPDATE committee_sessions SET last_number = last_number + 1 WHERE id = $1 RETURNING last_number, number_pattern`,
    [sessionId],
  );
  const row = rows[0];
  if (!row) throw new Error(`the session ${sessionId} of a proposal is gone`);
  return { sessionId, value: row.last_number, label: formatNumber(row.number_pattern, row.last_number) };
}

/**
 * The committee's year as facts for the engine (`EventFacts`): on `submit`, the session whose span holds the
 * submission's local date and whether it fell in the plenary; on `review.register`, the proposal's number in its
 * session (a session looked up by its submission date when none was stamped then: sessions created later still
 * count). The local date is the proposal's own policy calendar's. Without a session nothing is stamped: a
 * committee that keeps no sessions works as before (interim, no number).
 */
export function sessionFacts(options: { committeeId?: string } = {}): EventFacts {
  // The proposal's own committee (read in the event's transaction) unless one is fixed: its sessions, its numbers.
  const committeeOf = (proposalId: string) => ({ proposalId, committeeId: options.committeeId });
  const calendarFor = (context: Record<string, unknown>) => {
    // Every proposal snapshots its policy; a context without one is as old as the default policy.
    return calendarOf((context.policy as Policy | undefined) ?? defaultPolicy);
  };
  return async (client, { proposalId, event, context, at }) => {
    const stamped = context.session as SessionRow | undefined;
    if (event.type === "submit") {
      if (stamped) return {};
      const session = await sessionOn(client, committeeOf(proposalId), localDateOf(at, calendarFor(context)));
      return session ? { session: { id: session.id, plenary: session.plenary } } : {};
    }
    if (event.type !== "review.register" || context.number) return {};
    const submittedAt = typeof context.submittedAt === "string" ? context.submittedAt : undefined;
    const found =
      stamped || !submittedAt
        ? undefined
        : await sessionOn(client, committeeOf(proposalId), localDateOf(submittedAt, calendarFor(context)));
    const session = stamped ?? found;
    if (!session) return {};
    const facts: NumberFacts = { number: await nextNumber(client, session.id) };
    if (found) facts.session = { id: found.id, plenary: found.plenary };
    return { ...facts };
  };
}
