import type { Prisma } from "@huiyin/db";
import { refuse } from "../http/error-codes.ts";

/**
 * Refuses (409 `LAST_ADMIN`) a change that would leave `personId`'s committee with no enabled person holding the
 * admin role (disabling them, removing their admin role, deleting them): nobody could then invite, enable or give
 * roles from the console. A no-op for a person who is not an admin. The committee's admin changes are serialised
 * (a transaction-level advisory lock), so two admins disabling each other at once cannot both pass the check.
 */
export async function refuseLosingLastAdmin(
  tx: Prisma.TransactionClient,
  committeeId: string,
  personId: string,
): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`huiyin.admins:${committeeId}`}))`;
  // Only a person of this committee counts (another committee's id is the caller's 404, told nothing here).
  const held = await tx.roleAssignment.count({ where: { role: "admin", personId, person: { committeeId } } });
  if (held === 0) return;
  const others = await tx.roleAssignment.count({
    where: {
      role: "admin",
      personId: { not: personId },
      person: { committeeId, OR: [{ account: { is: null } }, { account: { is: { disabledAt: null } } }] },
    },
  });
  if (others === 0) {
    throw refuse(
      "LAST_ADMIN",
      `${personId} is the committee's last enabled admin: give the admin role to someone else first.`,
    );
  }
}
