import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, staff, startHarness, ticketInput } from "../test/harness.ts";
import { createProposal } from "./create.ts";
import { inTransaction, lockProposal, readProposal, run } from "./sql.ts";

/**
 * The socket writes of a transaction, against real PostgreSQL (issue 18): each write is a system call and a wake-up
 * of the server, so statements sent without waiting leave together: BEGIN with the work's first statement, the last
 * statement with COMMIT.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

type SocketWrite = (this: net.Socket, ...args: unknown[]) => unknown;

/** Runs `body` while counting the writes each socket makes to the kernel (`_write`, `_writev`). */
async function countingWrites<T>(body: () => Promise<T>): Promise<{ result: T; writes: Map<net.Socket, number> }> {
  const writes = new Map<net.Socket, number>();
  const proto = net.Socket.prototype as unknown as Record<"_write" | "_writev", SocketWrite>;
  const originals = { _write: proto._write, _writev: proto._writev };
  for (const name of ["_write", "_writev"] as const) {
    const original = originals[name];
    proto[name] = function (this: net.Socket, ...args: unknown[]) {
      writes.set(this, (writes.get(this) ?? 0) + 1);
      return original.apply(this, args);
    };
  }
  try {
    return { result: await body(), writes };
  } finally {
    Object.assign(proto, originals);
  }
}

describe("a transaction's socket writes", () => {
  it("sends BEGIN with the first statement and COMMIT with the last: two writes, not four", async () => {
    const { proposal } = await createProposal(h.deps, { input: ticketInput(), actor: staff });
    let socket: net.Socket | undefined;
    const { result, writes } = await countingWrites(() =>
      inTransaction(h.db.pool, async (client, transaction) => {
        socket = (client as unknown as { connection: { stream: net.Socket } }).connection.stream;
        const { rows } = await run<{ id: string }>(client, lockProposal, [proposal.id]);
        const read = await transaction.commitWith<{ id: string }>(readProposal, [proposal.id]);
        return [rows[0]?.id, read.rows[0]?.id];
      }),
    );
    expect(result).toEqual([proposal.id, proposal.id]);
    expect(socket).toBeDefined();
    expect(writes.get(socket as net.Socket)).toBe(2);
  });

  it("still rolls back when the statement sent with COMMIT fails", async () => {
    const { proposal } = await createProposal(h.deps, { input: ticketInput(), actor: staff });
    await expect(
      inTransaction(h.db.pool, async (client, transaction) => {
        await client.query("UPDATE proposals SET title = 'changed' WHERE id = $1", [proposal.id]);
        return transaction.commitWith({ name: "huiyin.test.fails", text: "SELECT 1 / 0" }, []);
      }),
    ).rejects.toThrow(/division by zero/);
    const row = await h.db.prisma.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(row.title).toBe(proposal.title);
  });
});
