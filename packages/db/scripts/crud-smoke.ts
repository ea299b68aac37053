// Smoke check of the generated client over @prisma/adapter-pg: create, read, update (with the optimistic
// version check), delete on ProposalInstance. Needs a migrated database:
//   DATABASE_URL=postgresql://… pnpm --filter @huiyin/db exec tsx scripts/crud-smoke.ts
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../src/generated/prisma/client.ts";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
try {
  const id = `smoke-${Date.now()}`;
  const created = await prisma.proposalInstance.create({
    data: { id, machineVersion: "1", snapshot: { value: "draft" }, stage: "draft", state: { value: "draft" } },
  });
  const updated = await prisma.proposalInstance.update({
    where: { id, version: created.version },
    data: { stage: "review", version: { increment: 1 } },
  });
  const read = await prisma.proposalInstance.findUniqueOrThrow({ where: { id } });
  await prisma.proposalInstance.delete({ where: { id } });
  const gone = await prisma.proposalInstance.findUnique({ where: { id } });
  if (read.stage !== "review" || updated.version !== 1 || gone !== null) throw new Error("CRUD round trip failed");
  console.log("CRUD round trip ok:", {
    created: created.stage,
    updated: read.stage,
    version: read.version,
    deleted: gone === null,
  });
} finally {
  await prisma.$disconnect();
}
