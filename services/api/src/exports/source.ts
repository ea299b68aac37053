import type { Database, Prisma } from "@huiyin/db";
import type { Names, ProposalSource } from "./proposal-record.ts";
import type { RowParties } from "./viewer.ts";

export type SourceRow = ProposalSource & RowParties & { number: number | null };

const SELECT = {
  id: true,
  title: true,
  category: true,
  stage: true,
  isKey: true,
  proposerId: true,
  unitIds: true,
  leaderId: true,
  createdBy: true,
  committeeId: true,
  sessionId: true,
  plenary: true,
  number: true,
  numberLabel: true,
  proposerType: true,
  sourceChannel: true,
  createdAt: true,
  updatedAt: true,
  snapshot: true,
} as const satisfies Prisma.ProposalSelect;

/** How a file lists proposals: by id (creation), either way, or by number within one session (the compilation). */
export type SourceOrder = { by: "id"; direction: "asc" | "desc" } | { by: "number" };

/**
 * The proposals matching `where`, `batchSize` rows at a time by keyset (the last id or number seen), never all at
 * once: each batch is one indexed query, and the next is read only when the file took the previous one, so an
 * export of 100,000 rows holds one batch in memory. A keyset rather than OFFSET: each page costs the same, and a
 * proposal created meanwhile neither shifts nor repeats rows.
 */
export async function* proposalBatches(
  database: Database,
  where: Prisma.ProposalWhereInput,
  order: SourceOrder,
  batchSize: number,
): AsyncGenerator<SourceRow[]> {
  let after: SourceRow | undefined;
  for (;;) {
    const keyset: Prisma.ProposalWhereInput[] = !after
      ? []
      : order.by === "number"
        ? [{ number: { gt: after.number ?? 0 } }]
        : [{ id: order.direction === "asc" ? { gt: after.id } : { lt: after.id } }];
    const rows: SourceRow[] = await database.prisma.proposal.findMany({
      where: { AND: [where, ...keyset] },
      orderBy: order.by === "number" ? { number: "asc" } : { id: order.direction },
      take: batchSize,
      select: SELECT,
    });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = rows.at(-1);
  }
}

/** The directory's and the sessions' names for one batch of rows, in three queries, within the caller's committee. */
export async function namesFor(database: Database, committeeId: string, rows: readonly SourceRow[]): Promise<Names> {
  const unitIds = new Set<string>();
  const personIds = new Set<string>();
  const sessionIds = new Set<string>();
  for (const row of rows) {
    for (const unit of row.unitIds) unitIds.add(unit);
    const context = (row.snapshot as { context?: { proposers?: { id: string; name?: string }[] } } | null)?.context;
    for (const proposer of context?.proposers ?? [{ id: row.proposerId }]) {
      if (!proposer.name) personIds.add(proposer.id);
    }
    if (row.sessionId) sessionIds.add(row.sessionId);
  }
  const [units, people, sessions] = await Promise.all([
    unitIds.size === 0
      ? []
      : database.prisma.unit.findMany({
          where: { committeeId, id: { in: [...unitIds] } },
          select: { id: true, name: true },
        }),
    personIds.size === 0
      ? []
      : database.prisma.person.findMany({
          where: { committeeId, id: { in: [...personIds] } },
          select: { id: true, name: true },
        }),
    sessionIds.size === 0
      ? []
      : database.prisma.committeeSession.findMany({
          where: { committeeId, id: { in: [...sessionIds] } },
          select: { id: true, name: true },
        }),
  ]);
  const byId = (list: { id: string; name: string }[]) => new Map(list.map((entry) => [entry.id, entry.name]));
  const [unitNames, personNames, sessionNames] = [byId(units), byId(people), byId(sessions)];
  return {
    unit: (id) => unitNames.get(id),
    person: (id) => personNames.get(id),
    session: (id) => sessionNames.get(id),
  };
}
