import { randomBytes } from "node:crypto";
import type { Database } from "@huiyin/db";
import { type Keyring, openNoticeRobot, sealNoticeRobot } from "@huiyin/engine";
import type { DirectoryUnit, RecipientRef, ResolutionContext } from "@huiyin/notify";
import { ROBOT_KINDS, type RobotKind, type RobotRecipient } from "./adapter.ts";

/** Whose group a robot posts to: a unit's, a leader's, or the committee office's. */
export type RobotTarget = `unit:${string}` | `leader:${string}` | "committee";

export function isRobotTarget(value: string): value is RobotTarget {
  return value === "committee" || /^(unit|leader):[^\s:]{1,200}$/.test(value);
}

export function isRobotKind(value: string): value is RobotKind {
  return (ROBOT_KINDS as readonly string[]).includes(value);
}

/** The delivery row's recipient for a robot (`notice_deliveries.recipient`). */
export const robotRecipient = (robotId: string) => `robot:${robotId}`;

export interface RobotSettings {
  committeeId: string;
  target: RobotTarget;
  kind: RobotKind;
  /** The robot's webhook URL (https), its key in the query. */
  url: string;
  /** A 钉钉 robot's `SEC…` signing secret. */
  secret?: string | null;
}

/**
 * Sets the robot of a (committee, target, kind), sealing its URL and secret with the secret box. One robot per
 * target and kind: setting it again replaces the URL and secret (a rotated key). Returns the robot's id.
 */
export async function saveRobot(database: Database, keyring: Keyring, robot: RobotSettings): Promise<string> {
  const key = { committeeId: robot.committeeId, target: robot.target, kind: robot.kind };
  const existing = await database.prisma.noticeRobot.findUnique({ where: { committeeId_target_kind: key } });
  const id = existing?.id ?? `rb_${randomBytes(12).toString("base64url")}`;
  const sealed = sealNoticeRobot(keyring, id, robot);
  await database.prisma.noticeRobot.upsert({
    where: { committeeId_target_kind: key },
    create: { id, ...key, ...sealed },
    update: sealed,
  });
  return id;
}

/** A robot's URL and secret, opened for one send (and for nothing else: they are never logged nor returned). */
export function openRobot(
  keyring: Keyring,
  row: { id: string; urlSealed: string; secretSealed: string | null },
): RobotRecipient {
  return openNoticeRobot(keyring, row);
}

/**
 * The groups a notice is for, from its recipient references (as `resolveRecipients` reads them): a unit's contacts
 * and its head reach the unit's group; a leader and a supervising leader the leader's; the committee-wide roles
 * (staff, staff-head, committee-leader, chairs-meeting) the office's. A proposer is a member, who has no group.
 */
export function robotTargetsOf(
  refs: readonly RecipientRef[],
  units: readonly DirectoryUnit[],
  context: ResolutionContext,
): RobotTarget[] {
  const unitOf = (unitId: string | null | undefined) => units.find((unit) => unit.id === unitId);
  const targets = refs.flatMap((ref): RobotTarget[] => {
    switch (ref.role) {
      case "proposer":
        return [];
      case "unit": {
        const unitId = ref.unitId ?? ref.id;
        return unitId ? [`unit:${unitId}`] : [];
      }
      case "unit-head":
      case "co-unit-head": {
        const unitId = ref.unitId ?? context.deadlineUnitId;
        return unitId ? [`unit:${unitId}`] : [];
      }
      case "leader":
        return ref.id ? [`leader:${ref.id}`] : [];
      case "supervising-leader": {
        const leaderId = ref.id ?? context.keyLeaderId ?? unitOf(context.deadlineUnitId)?.supervisorLeaderId;
        return leaderId ? [`leader:${leaderId}`] : [];
      }
      default:
        return ["committee"];
    }
  });
  return [...new Set(targets)];
}
