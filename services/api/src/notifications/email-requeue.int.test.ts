import { createTestRedis } from "@huiyin/infra-local/testing";
import {
  configuredJobOptions,
  createQueue,
  createRedisConnection,
  createWorker,
  type JobPayload,
  jobId,
  queues,
  whenReady,
} from "@huiyin/queue";
import { afterAll, describe, expect, it } from "vitest";
import { emailRequeue } from "./email-requeue.ts";

/**
 * The api's requeue of a dead e-mail against a real Redis: a failed job comes back as a new job, not a retried one,
 * so the stall count of a notifier starved past its lock (the `stc` BullMQ's stalled check leaves) is not carried
 * over and one more stall does not fail it again at once.
 */
const redis = createTestRedis();
const connection = createRedisConnection(
  { urls: [redis.url], mode: "standalone", role: "worker", name: "email-requeue-test" },
  () => {},
);
const queue = createQueue<JobPayload<"email">>(queues.noticeEmail, connection, redis);
const retry = { attempts: 4, backoffMs: 100 };

afterAll(async () => {
  await queue.close();
  await connection.quit();
  await redis.cleanup();
});

describe("requeueing a dead e-mail", () => {
  it("adds its failed job anew: fresh attempts, no stall count; a repeat leaves it waiting", async () => {
    await whenReady(connection);
    const id = jobId("email", "p-1.11.0", "wang");
    // The notifier's job, given up on: one attempt, which the SMTP server refused.
    await queue.add(
      "email",
      { noticeId: "p-1.11.0", personId: "wang" },
      configuredJobOptions("email", { attempts: 1, backoffMs: 10 }, "p-1.11.0", "wang"),
    );
    const notifier = createWorker(
      "email",
      async () => {
        throw new Error("451 try later");
      },
      connection,
      { prefix: redis.prefix },
    );
    try {
      await until(async () => (await queue.getJobState(id)) === "failed");
    } finally {
      await notifier.close();
    }
    // What BullMQ's stalled check leaves on a job it fails: its stall count past the limit.
    await connection.hset(queue.toKey(id), "stc", "6");

    const requeue = emailRequeue(queue, retry);
    expect(await requeue.requeue("p-1.11.0", "wang")).toBe("retried");
    const job = await queue.getJob(id);
    expect(await job?.getState()).toBe("waiting");
    expect(job?.data).toEqual({ noticeId: "p-1.11.0", personId: "wang" });
    expect(job?.attemptsMade).toBe(0);
    expect(job?.opts).toMatchObject({ attempts: 4, backoff: { type: "exponential", delay: 100 } });
    expect(await connection.hget(queue.toKey(id), "stc")).toBeNull();

    expect(await requeue.requeue("p-1.11.0", "wang")).toBe("pending");
    expect(await queue.getJobCounts("waiting", "failed")).toEqual({ waiting: 1, failed: 0 });
  });

  it("adds the job again when the queue no longer has it", async () => {
    const requeue = emailRequeue(queue, retry);
    expect(await requeue.requeue("p-2.11.0", "li")).toBe("added");
    const job = await queue.getJob(jobId("email", "p-2.11.0", "li"));
    expect(job?.data).toEqual({ noticeId: "p-2.11.0", personId: "li" });
    expect(job?.opts).toMatchObject({ attempts: 4, removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 } });
  });
});

async function until(done: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
