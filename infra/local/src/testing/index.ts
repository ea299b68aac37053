export { runPrisma } from "../prisma.ts";
export { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis, withDatabase } from "./fixtures.ts";
export { TEMPLATE_DATABASE } from "./names.ts";
