import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { jobId } from "@huiyin/queue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, staff, startHarness, ticketInput } from "../test/harness.ts";
import { applyEvent } from "./apply.ts";
import { createProposal } from "./create.ts";
import { rebuildEngineJobs } from "./rebuild.ts";
import { outboxBacklog, relayBatch } from "./relay.ts";
import { systemResolver } from "./webhook-destination.ts";
import { deliverWebhook } from "./webhooks.ts";

/**
 * The worker's jobs come back from the database after Redis lost them (here: every key of this file's prefix
 * deleted, as a FLUSHALL would): pending alarms, queued events neither applied nor refused, webhook deliveries still to send; and
 * nothing that is done, nor anything twice.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

describe("rebuilding the worker's jobs from the database", () => {
  it("re-creates the jobs of pending alarms, unapplied queued events and unsent webhook deliveries, once", async () => {
    const { proposal } = await createProposal(h.deps, { input: ticketInput(), actor: staff });
    await applyEvent(h.deps, { proposalId: proposal.id, event: { type: "submit" }, actor: staff });
    await h.db.prisma.webhookSubscription.create({
      data: {
        id: "wh_rebuild",
        url: "http://127.0.0.1:9/hook",
        events: ["*"],
        secret: "s",
        ownerRole: "admin",
        ownerId: "a",
      },
    });
    const delivery = (id: string, status: string) => ({
      id,
      subscriptionId: "wh_rebuild",
      proposalId: proposal.id,
      topic: "proposal.stage",
      payload: { id },
      status,
    });
    await h.db.prisma.webhookDelivery.createMany({
      data: [delivery("d-pending", "pending"), delivery("d-retrying", "retrying"), delivery("d-done", "delivered")],
    });
    // The retrying one failed twice; its third attempt is due in an hour (the schedule's time, kept in its row).
    const nextAttemptAt = new Date(Date.now() + 3_600_000);
    await h.db.prisma.webhookDelivery.update({ where: { id: "d-retrying" }, data: { attempts: 2, nextAttemptAt } });
    // Two queued events relayed (their rows marked sent): one applied since, one not.
    // On a proposal of their own: a reply closes its deadline (and its alarms).
    const { proposal: other } = await createProposal(h.deps, { input: ticketInput(), actor: staff });
    await applyEvent(h.deps, { proposalId: other.id, event: { type: "submit" }, actor: staff });
    const queued = async () => {
      const row = await h.db.prisma.outboxMessage.create({
        data: { proposalId: other.id, action: "enqueue", jobName: "proposal.event", jobId: "pending", payload: {} },
      });
      const id = String(row.id);
      await h.db.prisma.outboxMessage.update({
        where: { id: row.id },
        data: {
          jobId: jobId("proposal.event", id),
          payload: { outboxId: id, proposalId: other.id, event: { type: "reply" } },
          sentAt: new Date(),
        },
      });
      return id;
    };
    const lost = await queued();
    const applied = await queued();
    // A third was refused: the worker recorded it among the dropped events, with its outbox id.
    const refused = await queued();
    await h.db.prisma.droppedEvent.create({
      data: {
        proposalId: other.id,
        type: "reply",
        payload: { type: "reply", outboxId: refused },
        reason: "EVENT_NOT_ALLOWED",
      },
    });
    await applyEvent(h.deps, {
      proposalId: other.id,
      event: { type: "reply" },
      actor: staff,
      idempotencyKey: `outbox.${applied}`,
    });
    await relayBatch(h.deps);
    await h.redis.cleanup();

    const rebuilt = await rebuildEngineJobs(h.deps, h.workerConnection);
    // One pending alarm per open deadline (issue 18: each level arms the next as it rings).
    expect(rebuilt).toEqual({ pendingAlarms: 1, eventsRequeued: 1, webhooksRequeued: 2 });
    expect(await h.deps.queues.alarms.getDelayedCount()).toBe(1);
    expect((await h.deps.queues.events.getJob(jobId("proposal.event", lost)))?.data).toMatchObject({ outboxId: lost });
    expect(await h.deps.queues.events.getJob(jobId("proposal.event", applied))).toBeUndefined();
    expect(await h.deps.queues.events.getJob(jobId("proposal.event", refused))).toBeUndefined();
    for (const id of ["d-pending", "d-retrying"]) {
      expect((await h.deps.queues.webhooks.getJob(jobId("webhook.deliver", id)))?.data).toEqual({ deliveryId: id });
    }
    expect(await h.deps.queues.webhooks.getJob(jobId("webhook.deliver", "d-done"))).toBeUndefined();
    // Rebuilt at the time PostgreSQL kept, not at once: the pending one waits, the retrying one is delayed to its time.
    const retrying = await h.deps.queues.webhooks.getJob(jobId("webhook.deliver", "d-retrying"));
    expect(await retrying?.getState()).toBe("delayed");
    expect((retrying?.timestamp ?? 0) + (retrying?.delay ?? 0)).toBeGreaterThanOrEqual(nextAttemptAt.getTime() - 1_000);
    expect((retrying?.timestamp ?? 0) + (retrying?.delay ?? 0)).toBeLessThanOrEqual(nextAttemptAt.getTime() + 1_000);
    expect(await (await h.deps.queues.webhooks.getJob(jobId("webhook.deliver", "d-pending")))?.getState()).toBe(
      "waiting",
    );

    // All there: nothing more is added. One job gone alone comes back alone.
    expect(await rebuildEngineJobs(h.deps, h.workerConnection)).toEqual({
      pendingAlarms: 1,
      eventsRequeued: 0,
      webhooksRequeued: 0,
    });
    await h.deps.queues.webhooks.remove(jobId("webhook.deliver", "d-pending"));
    expect((await rebuildEngineJobs(h.deps, h.workerConnection)).webhooksRequeued).toBe(1);
  });

  it("tells how many outbox rows wait to be relayed and how long the oldest has waited", async () => {
    await relayBatch(h.deps);
    expect(await outboxBacklog(h.deps)).toEqual({ count: 0, oldestAgeSeconds: 0 });
    const { proposal } = await createProposal(h.deps, { input: ticketInput(), actor: staff });
    await applyEvent(h.deps, { proposalId: proposal.id, event: { type: "submit" }, actor: staff });
    const backlog = await outboxBacklog(h.deps);
    expect(backlog.count).toBeGreaterThan(0);
    expect(backlog.oldestAgeSeconds).toBeGreaterThanOrEqual(0);
    await relayBatch(h.deps);
    expect((await outboxBacklog(h.deps)).count).toBe(0);
  });

  it("never POSTs one delivery from two jobs at once (the old job still running when the rebuilt one starts)", async () => {
    const requests: string[] = [];
    const slow = createServer((request, response) => {
      requests.push(String(request.headers["huiyin-delivery"]));
      request.resume();
      setTimeout(() => response.writeHead(204).end(), 300);
    });
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    try {
      const { proposal } = await createProposal(h.deps, { input: ticketInput(), actor: staff });
      await h.db.prisma.webhookSubscription.create({
        data: {
          id: "wh_slow",
          url: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/hook`,
          events: ["*"],
          secret: "s",
          ownerRole: "admin",
          ownerId: "a",
        },
      });
      await h.db.prisma.webhookDelivery.create({
        data: {
          id: "d-slow",
          subscriptionId: "wh_slow",
          proposalId: proposal.id,
          topic: "proposal.stage",
          payload: {},
          status: "pending",
        },
      });
      // The slow receiver is on loopback: allowed by name, as a deployment allows an intranet system. The secret is
      // a clear one from before sealing, which the worker still reads; no key is needed for it.
      const port = (slow.address() as AddressInfo).port;
      const deps = {
        db: h.db,
        logger: h.deps.logger,
        clock: h.deps.clock,
        destinations: { allow: { cidrs: [], hostPorts: [{ host: "127.0.0.1", port }] }, resolve: systemResolver() },
        keyring: [],
      };
      const outcomes = await Promise.all([deliverWebhook(deps, "d-slow"), deliverWebhook(deps, "d-slow")]);
      expect(outcomes.map((attempt) => attempt.outcome).sort()).toEqual(["busy", "delivered"]);
      expect((await deliverWebhook(deps, "d-slow")).outcome).toBe("already-delivered");
      expect(requests).toEqual(["d-slow"]);
    } finally {
      await new Promise((resolve) => slow.close(resolve));
    }
  });
});
