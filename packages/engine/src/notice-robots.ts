import { type Keyring, openSecret, sealSecret } from "./secret-box.ts";

/**
 * The credentials of a notice robot (a 企业微信/政务微信 or 钉钉 group robot, `notice_robots`): its webhook URL, whose
 * query holds its key, and a 钉钉 robot's signing secret. Sealed with the secret box like webhook secrets, each bound
 * to the robot's id and to which of the two it is, so a sealed value copied to another row or column does not open.
 * The api seals (an admin sets a robot), the notifier opens (one send).
 */

const boundTo = (robotId: string, part: "url" | "secret") => `notice-robot:${robotId}:${part}`;

export interface SealedNoticeRobot {
  urlSealed: string;
  secretSealed: string | null;
}

export function sealNoticeRobot(
  keyring: Keyring,
  robotId: string,
  robot: { url: string; secret?: string | null | undefined },
): SealedNoticeRobot {
  return {
    urlSealed: sealSecret(keyring, robot.url, boundTo(robotId, "url")),
    secretSealed: robot.secret ? sealSecret(keyring, robot.secret, boundTo(robotId, "secret")) : null,
  };
}

export function openNoticeRobot(
  keyring: Keyring,
  row: { id: string } & SealedNoticeRobot,
): { url: string; secret: string | null } {
  return {
    url: openSecret(keyring, row.urlSealed, boundTo(row.id, "url")),
    secret: row.secretSealed ? openSecret(keyring, row.secretSealed, boundTo(row.id, "secret")) : null,
  };
}

/** A robot's URL as it may be shown: scheme, host and path, never the query (the robot's key is there). */
export function shownRobotUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}${parsed.search ? "?…" : ""}`;
  } catch {
    return "…";
  }
}
