import type { Caller } from "../auth/keys.ts";

/**
 * The one rule of a deployment that hosts several committees: a caller reaches the rows of its own committee (its
 * key's, or its signed-in person's) and nothing else. Every query of a table that carries `committee_id` adds this
 * fragment to its `where`, and every row a caller writes stores it; a row of another committee is then exactly as
 * absent as one that does not exist (404), never a 403 that would confirm it exists. The committee never comes from
 * a request's body or query.
 */
export function scopedToCommittee(caller: Pick<Caller, "committeeId">): { committeeId: string } {
  return { committeeId: caller.committeeId };
}

/**
 * The fragment for a table without its own `committee_id` that hangs off a proposal (notices, deadlines,
 * attachments, publications, history): the proposal's committee is the row's.
 */
export function viaProposal(caller: Pick<Caller, "committeeId">): { proposal: { committeeId: string } } {
  return { proposal: scopedToCommittee(caller) };
}
