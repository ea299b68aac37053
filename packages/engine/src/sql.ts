import type { Writable } from "node:stream";
import type { Proposal } from "@huiyin/db";
import { jobCatalog } from "@huiyin/queue";
import type pg from "pg";
import type { Described } from "./workflow.ts";

/**
 * The engine's write path in plain SQL, through the `pg` pool that Prisma's adapter sits on.
 *
 * Why not Prisma here: `pnpm bench` (scenario 1, 2 cores) found the engine's own Node process to be the
 * limit at 89–140 committed transitions/s, 0.05 of raw `pg`: ~5.6 ms of CPU per transition, 39% of the
 * profile in Prisma's client and 12% in its query compiler, for 12.8 statements per transition where the
 * minimum is 4. Here a transition is BEGIN, one `SELECT … FOR UPDATE`, one write statement (proposal,
 * history and every effect row, closing deadlines included, as data-modifying CTEs), COMMIT: two round trips on
 * the pipelined pool (`inTransaction`). The statements are named, so each connection parses and plans them once;
 * multi-row inserts take their rows as one JSON array (`jsonb_to_recordset`), so the text never depends on how many
 * rows there are.
 * Reads and the admin paths stay on Prisma, where a statement more or less does not matter.
 */

/** The columns of `proposals` as `pg` returns them. */
interface ProposalRow {
  id: string;
  external_id: string | null;
  created_by: string | null;
  machine_version: string;
  snapshot: Proposal["snapshot"];
  stage: string;
  states: string[];
  version: number;
  title: string;
  category: string | null;
  proposer_id: string;
  unit_ids: string[];
  leader_id: string | null;
  is_key: boolean;
  created_at: Date;
  updated_at: Date;
  session_id: string | null;
  plenary: boolean | null;
  number: number | null;
  number_label: string | null;
  proposer_type: string | null;
  source_channel: string | null;
  committee_id: string;
}

/**
 * A `proposals` row in the shape Prisma gives it, so that callers cannot tell the two paths apart. `snapshot`, when
 * given, is the persisted snapshot the caller wrote (the write statements do not return it): the object itself, not
 * parsed back from the JSON sent (3.5 KB parsed again per transition for nothing; issue 18). The engine's contexts
 * are JSON data, so the object and its JSON hold the same.
 */
export function proposalOf(
  row: Omit<ProposalRow, "snapshot"> & { snapshot?: unknown },
  snapshot?: Record<string, unknown>,
): Proposal {
  return {
    id: row.id,
    externalId: row.external_id,
    createdBy: row.created_by,
    machineVersion: row.machine_version,
    snapshot: (snapshot ?? row.snapshot) as Proposal["snapshot"],
    stage: row.stage,
    states: row.states,
    version: row.version,
    title: row.title,
    category: row.category,
    proposerId: row.proposer_id,
    unitIds: row.unit_ids,
    leaderId: row.leader_id,
    isKey: row.is_key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sessionId: row.session_id,
    plenary: row.plenary,
    number: row.number,
    numberLabel: row.number_label,
    proposerType: row.proposer_type,
    sourceChannel: row.source_channel,
    committeeId: row.committee_id,
  };
}

/** A named statement: prepared once per connection. */
export interface Statement {
  name: string;
  text: string;
}

const statement = (name: string, text: string): Statement => ({ name: `huiyin.${name}`, text });

export const lockProposal = statement("lockProposal", "SELECT * FROM proposals WHERE id = $1 FOR UPDATE");

/**
 * The lock read of an event, with the active webhook subscriptions of the proposal's committee in the same round
 * trip (a transition that emits a webhook needed one more statement for them; issue 18). Read under the same
 * transaction as before, a statement earlier: a subscription committed while the event runs is a race either way.
 * `$2`, when not null, is the only committee whose proposal it finds (and locks): a caller of another committee
 * locks nothing, and waits for nothing, on a proposal it cannot see.
 */
export const lockProposalWithSubscriptions = statement(
  "lockProposalWithSubscriptions",
  `SELECT p.*,
     (SELECT coalesce(json_agg(json_build_object('id', s.id, 'owner_role', s.owner_role, 'owner_id', s.owner_id,
                                                 'events', coalesce(s.events, '{}')) ORDER BY s.id), '[]'::json)
        FROM webhook_subscriptions s
       WHERE s.deleted_at IS NULL AND s.committee_id = p.committee_id) AS webhook_subscriptions
     FROM proposals p WHERE p.id = $1 AND ($2::text IS NULL OR p.committee_id = $2) FOR UPDATE OF p`,
);

export const readProposal = statement("readProposal", "SELECT * FROM proposals WHERE id = $1");

/**
 * A proposal's row as Prisma's `findUnique` gives it, in one plain named statement: for a hot read whose caller
 * judges the row itself (the api's visibility test): Prisma's client and query compiler cost more CPU than
 * PostgreSQL spends on the read (issue 18).
 */
export async function readProposalRow(pool: pg.Pool, id: string): Promise<Proposal | undefined> {
  const { rows } = await run<ProposalRow>(pool, readProposal, [id]);
  const row = rows[0];
  return row ? proposalOf(row) : undefined;
}

export const findRepeat = statement(
  "findRepeat",
  "SELECT seq FROM proposal_events WHERE proposal_id = $1 AND idempotency_key = $2",
);

/** `jobId("deadline.alarm", id)` in SQL: the job a cancelled alarm's outbox message removes. */
const alarmJobIdSql = (column: string) => `'${jobCatalog["deadline.alarm"].idPrefix}-' || replace(${column}, ':', '_')`;

/**
 * The next alarm of a ringing alarm's deadline, armed in the transaction where it rings: `next` is a JSON array of
 * at most one alarm row (`nextAlarmOf`), inserted only when `rung` (the CTE that moved the ringing alarm out of
 * `pending`) has a row, so a repeat, a cancelled alarm or a deadline this transition closes arms nothing. Its outbox
 * message (the delayed job, at its fire time) is built here from the row that was inserted. `ON CONFLICT DO
 * NOTHING`: a deadline planned before alarms were chained has every level's row already (they ring as planned).
 */
function armedCtes(next: string, rung: string): string {
  return `
   armed AS (
     INSERT INTO alarms (id, proposal_id, deadline_id, kind, level, fire_at, status)
     SELECT id, proposal_id, deadline_id, kind, level, fire_at, 'pending'
       FROM jsonb_to_recordset(${next}::jsonb) AS r(id text, proposal_id text, deadline_id text, kind text,
            level int, fire_at timestamptz)
      WHERE EXISTS (SELECT 1 FROM ${rung})
     ON CONFLICT (id) DO NOTHING
     RETURNING id, proposal_id, deadline_id, fire_at
   ),
   armed_outbox AS (
     INSERT INTO outbox (proposal_id, action, job_name, job_id, payload, run_at)
     SELECT proposal_id, 'enqueue', 'deadline.alarm', ${alarmJobIdSql("id")},
            jsonb_build_object('alarmId', id, 'proposalId', proposal_id, 'deadlineId', deadline_id), fire_at
       FROM armed
   )`;
}

/**
 * A timer event not applied (too late, or held): recorded, and its alarm (if one rang) marked `$7`; the next alarm
 * of its deadline (`$8`) armed as when it fires (a held escalation level does not stop the later levels ringing,
 * each is judged when it rings).
 */
export const dropStale = statement(
  "dropStale",
  `WITH dropped AS (
     INSERT INTO dropped_events (proposal_id, type, payload, reason) VALUES ($1, $2, $3::jsonb, $4)
   ),
   rung AS (
     UPDATE alarms SET status = $7, fired_at = $6 WHERE id = $5 AND status = 'pending' RETURNING id
   ),
   ${armedCtes("$8", "rung")}
   SELECT count(pg_notify('huiyin_outbox', $1)) AS notified FROM armed`,
);

/**
 * The effect rows of one transition, as CTEs of its write statement: `$first` is a JSON array of the deadline ids
 * the transition closes, `$first + 1` … `$first + 5` JSON arrays of deadlines, alarms, notices, webhook deliveries
 * and outbox messages (empty arrays insert nothing), `$1` the proposal and `at` the parameter of the event's time.
 *
 * Closing is part of the same statement (it was a statement of its own before the write, whose answer named the
 * alarms to cancel): the alarms it cancels are the `cancelled` CTE, and their cancel messages are built from it
 * in SQL, ahead of the transition's own messages in the outbox (a cancel before any enqueue, as the machine's exit
 * actions come before its entry actions). The relays are NOTIFYed (delivered at commit) when there is anything to
 * relay.
 */
function effectsCtes(first: number, at: string, guard?: string): string {
  const [closing, deadlines, alarms, notices, deliveries, outbox] = [0, 1, 2, 3, 4, 5].map(
    (offset) => `$${first + offset}::jsonb`,
  );
  // Every row written only if the guard CTE has a row (see `writeTransition`).
  const only = guard ? `EXISTS (SELECT 1 FROM ${guard})` : "true";
  return `
   closing AS (SELECT jsonb_array_elements_text(${closing}) AS deadline_id),
   closed AS (
     UPDATE deadlines SET status = 'closed', closed_at = ${at}
      WHERE proposal_id = $1 AND deadline_id IN (SELECT deadline_id FROM closing) AND status = 'open' AND ${only}
   ),
   cancelled AS (
     UPDATE alarms SET status = 'cancelled'
      WHERE proposal_id = $1 AND deadline_id IN (SELECT deadline_id FROM closing) AND status = 'pending' AND ${only}
     RETURNING id
   ),
   new_deadlines AS (
     INSERT INTO deadlines (proposal_id, deadline_id, kind, unit_id, due_at, status, opened_at, definition)
     SELECT proposal_id, deadline_id, kind, unit_id, due_at, 'open', opened_at, definition
       FROM jsonb_to_recordset(${deadlines}) AS r(proposal_id text, deadline_id text, kind text, unit_id text,
            due_at timestamptz, opened_at timestamptz, definition jsonb)
      WHERE ${only}
   ),
   new_alarms AS (
     INSERT INTO alarms (id, proposal_id, deadline_id, kind, level, fire_at, status)
     SELECT id, proposal_id, deadline_id, kind, level, fire_at, 'pending'
       FROM jsonb_to_recordset(${alarms}) AS r(id text, proposal_id text, deadline_id text, kind text, level int,
            fire_at timestamptz)
      WHERE ${only}
   ),
   new_notices AS (
     INSERT INTO notices (id, proposal_id, deadline_id, kind, level, recipients, content)
     SELECT id, proposal_id, deadline_id, kind, level, recipients, content
       FROM jsonb_to_recordset(${notices}) AS r(id text, proposal_id text, deadline_id text, kind text, level int,
            recipients jsonb, content jsonb)
      WHERE ${only}
   ),
   new_deliveries AS (
     INSERT INTO webhook_deliveries (id, subscription_id, proposal_id, topic, payload, status, created_at)
     SELECT id, subscription_id, proposal_id, topic, payload, 'pending', created_at
       FROM jsonb_to_recordset(${deliveries}) AS r(id text, subscription_id text, proposal_id text, topic text,
            payload jsonb, created_at timestamptz)
      WHERE ${only}
   ),
   new_outbox AS (
     INSERT INTO outbox (proposal_id, action, job_name, job_id, payload, run_at)
     SELECT $1, 'cancel', 'deadline.alarm', ${alarmJobIdSql("id")}, '{}'::jsonb, NULL FROM cancelled
     UNION ALL
     SELECT proposal_id, action, job_name, job_id, payload, run_at
       FROM jsonb_to_recordset(${outbox}) AS r(proposal_id text, action text, job_name text, job_id text,
            payload jsonb, run_at timestamptz)
      WHERE ${only}
   ),
   notified AS (
     SELECT pg_notify('huiyin_outbox', $1)
      WHERE (jsonb_array_length(${outbox}) > 0 AND ${only}) OR EXISTS (SELECT 1 FROM cancelled)
   )`;
}

/**
 * The columns of `proposals` but the snapshot: what the write statements return. The caller has the snapshot it
 * wrote already; reading it back would detoast and send ~3.6 KB per transition for nothing.
 */
const RETURNED_COLUMNS = `id, external_id, created_by, machine_version, stage, states, version, title, category,
  proposer_id, unit_ids, leader_id, is_key, created_at, updated_at, session_id, plenary, number, number_label,
  proposer_type, source_channel, committee_id`;

/**
 * Applies a transition: the proposal row (only at the version read under the lock; the answer is empty
 * otherwise, and then nothing else is written either: the statement is sent with its COMMIT, so an empty answer must
 * leave nothing to commit), its history row, the effects, and the alarm that rang marked fired (a no-op when `$25` is
 * null, or when the transition closes that alarm's deadline: then it is cancelled, as before the write folded the
 * closing in) with the next alarm of its deadline armed (`$27`, see `armedCtes`). Returns the new row without its
 * snapshot.
 */
export const writeTransition = statement(
  "writeTransition",
  `WITH moved AS (
     UPDATE proposals
        SET snapshot = $3::jsonb, version = version + 1, stage = $4, states = $5::text[], title = $6,
            category = $7, proposer_id = $8, unit_ids = $9::text[], leader_id = $10, is_key = $11,
            session_id = $26::jsonb ->> 'sessionId', plenary = ($26::jsonb ->> 'plenary')::boolean,
            number = ($26::jsonb ->> 'number')::integer, number_label = $26::jsonb ->> 'numberLabel',
            proposer_type = $26::jsonb ->> 'proposerType', source_channel = $26::jsonb ->> 'sourceChannel',
            updated_at = now()
      WHERE id = $1 AND version = $2
     RETURNING ${RETURNED_COLUMNS}
   ),
   history AS (
     INSERT INTO proposal_events (proposal_id, seq, type, actor, payload, from_states, to_states, machine_version,
                                  idempotency_key, request_id, at)
     SELECT id, version, $12, $13::jsonb, $14::jsonb, $15::text[], states, machine_version, $16, $17, $18
       FROM moved
   ),
   ${effectsCtes(19, "$18", "moved")},
   fired AS (
     UPDATE alarms SET status = 'fired', fired_at = $18
      WHERE id = $25 AND status = 'pending' AND deadline_id NOT IN (SELECT deadline_id FROM closing)
        AND EXISTS (SELECT 1 FROM moved)
     RETURNING id
   ),
   ${armedCtes("$27", "fired")}
   SELECT moved.*, (SELECT count(*) FROM notified) + (SELECT count(pg_notify('huiyin_outbox', $1)) FROM armed)
          AS notified FROM moved`,
);

/** Creates a proposal at version 1 with its `create` history row and the effects of its initial state. */
export const writeCreation = statement(
  "writeCreation",
  `WITH created AS (
     INSERT INTO proposals (id, external_id, created_by, machine_version, snapshot, stage, states, version, title,
                            category, proposer_id, unit_ids, leader_id, is_key, updated_at, session_id, plenary,
                            number, number_label, proposer_type, source_channel, committee_id)
     VALUES ($1, $2, CASE WHEN $24 = 'default' THEN '' ELSE $24 || '/' END
                     || ($13::jsonb ->> 'role') || ':' || ($13::jsonb ->> 'id'), $3, $4::jsonb, $5, $6::text[], 1, $7,
             $8, $9, $10::text[], $11, $12, now(), $23::jsonb ->> 'sessionId', ($23::jsonb ->> 'plenary')::boolean,
             ($23::jsonb ->> 'number')::integer, $23::jsonb ->> 'numberLabel', $23::jsonb ->> 'proposerType',
             $23::jsonb ->> 'sourceChannel', $24)
     RETURNING ${RETURNED_COLUMNS}
   ),
   history AS (
     INSERT INTO proposal_events (proposal_id, seq, type, actor, payload, from_states, to_states, machine_version,
                                  request_id, at)
     SELECT id, 1, 'create', $13::jsonb, $14::jsonb, '{}', states, machine_version, $15, $16 FROM created
   ),
   ${effectsCtes(17, "$16")}
   SELECT created.*, (SELECT count(*) FROM notified) AS notified FROM created`,
);

export const findCreator = statement(
  "findCreator",
  "SELECT actor FROM proposal_events WHERE proposal_id = $1 AND seq = 1",
);

/** Runs a named statement with its values. */
export function run<Row extends pg.QueryResultRow>(
  client: pg.ClientBase | pg.Pool,
  { name, text }: Statement,
  values: unknown[],
): Promise<pg.QueryResult<Row>> {
  return client.query<Row>({ name, text, values });
}

export type { ProposalRow };

/** The copied-out columns in the order both write statements take them: stage … is_key. */
export function describedColumns(described: Described): unknown[] {
  const { stage, states, title, category, proposerId, unitIds, leaderId, isKey } = described;
  return [stage, states, title, category, proposerId, unitIds, leaderId, isKey];
}

/**
 * The optional copied-out columns of a committee's year (session, number, origin) as the one JSON parameter both
 * write statements take last; a workflow that describes none of them leaves them null.
 */
export function yearColumns(described: Described): string {
  const { sessionId, plenary, number, numberLabel, proposerType, sourceChannel } = described;
  return json({ sessionId, plenary, number, numberLabel, proposerType, sourceChannel });
}

/** JSON for a `jsonb` parameter (`pg` would turn a JS array into a PostgreSQL array, not JSON). */
export const json = (value: unknown): string => JSON.stringify(value ?? null);

/** What `inTransaction` gives its work besides the connection. */
export interface Transaction {
  /**
   * Sends `statement` with COMMIT right behind it, pipelined (one round trip, not two), and so ends the transaction:
   * it must be the work's last statement. When the statement fails, the COMMIT that follows it finds the transaction
   * aborted and rolls it back (PostgreSQL answers a COMMIT of a failed transaction with ROLLBACK): nothing is kept.
   */
  commitWith<Row extends pg.QueryResultRow>(statement: Statement, values: unknown[]): Promise<pg.QueryResult<Row>>;
}

/**
 * `work` inside BEGIN … COMMIT on one connection of the pool, rolled back when it throws. A connection
 * whose ROLLBACK fails is broken: it is destroyed rather than returned to the pool.
 *
 * The pool is pipelined (`createDatabase`): BEGIN is sent without waiting for its answer, so it travels with the
 * work's first statement, and `commitWith` sends COMMIT with its last. A transition is then two round trips instead
 * of four; on the bench's 2 cores each round trip cost a socket write and a wake-up on both sides (issue 18). BEGIN
 * fails only with its connection, and then so does every statement behind it: nothing runs outside the transaction.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient, transaction: Transaction) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  /** Ended by `commitWith`'s COMMIT: nothing more to commit or roll back. */
  let finished = false;
  let begun: Promise<unknown> = Promise.resolve();
  const transaction: Transaction = {
    async commitWith<Row extends pg.QueryResultRow>(statement: Statement, values: unknown[]) {
      // Not waiting for BEGIN's answer: a work of one statement (a creation) is then one round trip in all.
      const [answer, commit] = sentTogether(client, () => [
        run<Row>(client, statement, values),
        client.query("COMMIT"),
      ]);
      const [started, written, ended] = await Promise.allSettled([begun, answer, commit]);
      // The transaction is over once COMMIT answered, whatever the statement did (a failed one made it a ROLLBACK).
      if (ended.status === "fulfilled") finished = true;
      if (started.status === "rejected") throw started.reason;
      if (written.status === "rejected") throw written.reason;
      if (ended.status === "rejected") throw ended.reason;
      return written.value;
    },
  };
  try {
    // BEGIN and what the work sends before it first waits (its lock read) leave in one write.
    const result = await sentTogether(client, () => {
      begun = client.query("BEGIN");
      // Its failure is thrown where it is awaited (below); until then it must not count as an unhandled rejection.
      begun.catch(() => {});
      return work(client, transaction);
    });
    await begun;
    if (!finished) await client.query("COMMIT");
    return result;
  } catch (error) {
    if (!finished) {
      await client.query("ROLLBACK").catch((rollbackError: Error) => {
        broken = rollbackError;
      });
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

/** A unique index refused the row: PostgreSQL's `unique_violation`. */
export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === "object" && error !== null && (error as { code?: string }).code === "23505";

/**
 * Moves a proposal to a new machine version and/or new rules (a migration plan): the snapshot and the machine
 * version, the `migrated` history entry (its idempotency key makes it once per plan), the run's item with the same
 * report, and the effects (superseded deadlines closed, their successors and alarms). `$18` … `$23` are the
 * effects, `$24` the run.
 */
export const writeMigration = statement(
  "writeMigration",
  `WITH moved AS (
     UPDATE proposals
        SET snapshot = $3::jsonb, version = version + 1, stage = $4, states = $5::text[], title = $6,
            category = $7, proposer_id = $8, unit_ids = $9::text[], leader_id = $10, is_key = $11,
            machine_version = $12, updated_at = now()
      WHERE id = $1 AND version = $2
     RETURNING ${RETURNED_COLUMNS}
   ),
   history AS (
     INSERT INTO proposal_events (proposal_id, seq, type, actor, payload, from_states, to_states, machine_version,
                                  idempotency_key, at)
     SELECT id, version, 'migrated', $13::jsonb, $14::jsonb, $15::text[], states, machine_version, $16, $17
       FROM moved
   ),
   item AS (
     INSERT INTO migration_items (run_id, proposal_id, outcome, report, at)
     SELECT $24, id, 'migrated', $14::jsonb, $17 FROM moved
   ),
   ${effectsCtes(18, "$17")}
   SELECT moved.*, (SELECT count(*) FROM notified) AS notified FROM moved`,
);

/** A run's item that changed nothing (unmappable, unchanged, already migrated, a dry run's answers), many at once. */
export const writeMigrationItems = statement(
  "writeMigrationItems",
  `INSERT INTO migration_items (run_id, proposal_id, outcome, reason, report)
   SELECT $1, proposal_id, outcome, reason, report
     FROM jsonb_to_recordset($2::jsonb) AS r(proposal_id text, outcome text, reason text, report jsonb)
   ON CONFLICT (run_id, proposal_id) DO NOTHING`,
);

/** The next running proposals a run has no item for yet, in id order from `$3`. */
export const migrationCandidates = statement(
  "migrationCandidates",
  `SELECT p.id FROM proposals p
    WHERE p.stage <> ALL($2::text[]) AND p.id > $3
      AND NOT EXISTS (SELECT 1 FROM migration_items i WHERE i.run_id = $1 AND i.proposal_id = p.id)
    ORDER BY p.id LIMIT $4`,
);

/** A dry run's batch: the proposals, and whether each has the plan's `migrated` entry already. */
export const readForDryRun = statement(
  "readForDryRun",
  `SELECT p.*, EXISTS (SELECT 1 FROM proposal_events e WHERE e.proposal_id = p.id AND e.idempotency_key = $2)
          AS migrated
     FROM proposals p WHERE p.id = ANY($1::text[]) ORDER BY p.id`,
);

/** Which of these proposals have the plan's `migrated` entry already. */
export const migratedAlready = statement(
  "migratedAlready",
  "SELECT proposal_id FROM proposal_events WHERE proposal_id = ANY($1::text[]) AND idempotency_key = $2",
);

/**
 * What `send` queues on `client`'s connection, sent in one write: `pg` writes each query as it is queued (a
 * pipelined connection does not wait for answers), a system call and a wake-up of the server each; statements that
 * leave together (BEGIN with the lock read, the write with COMMIT) then cost one (issue 18: socket writes were a
 * fifth of the api's CPU profile at 8 clients). The socket is corked while `send` runs, synchronously, and uncorked
 * after, whatever it threw.
 */
function sentTogether<T>(client: pg.ClientBase, send: () => T): T {
  const stream = (client as unknown as { connection?: { stream?: Partial<Writable> } }).connection?.stream;
  stream?.cork?.();
  try {
    return send();
  } finally {
    stream?.uncork?.();
  }
}
