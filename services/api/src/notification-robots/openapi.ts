import { z } from "zod";
import { admin, errors, type FeatureApi, instant, json, pathParameter, ref } from "../http/openapi-kit.ts";
import { putRobotSchema, ROBOT_KINDS } from "./routes.ts";

const NotificationRobot = z.strictObject({
  id: z.string(),
  target: z.string().describe("Whose group: `unit:<unit id>`, `leader:<leader id>` or `committee`."),
  kind: z.enum(ROBOT_KINDS),
  url: z.string().describe("The webhook URL without its query: the robot's key is never shown."),
  signed: z.boolean().describe("Whether a 钉钉 signing secret is set (it is never shown)."),
  createdAt: instant,
  updatedAt: instant,
});

const parameters = [
  pathParameter("target", "`unit:<unit id>`, `leader:<leader id>` or `committee`."),
  pathParameter("kind", "`wecom` (企业微信/政务微信) or `dingtalk` (钉钉)."),
];

/** The group robots SMS-less notices reach (issue 17): admin only, credentials write-only. */
export const notificationRobotsApi: FeatureApi = {
  tags: [
    {
      name: "notification-robots",
      description:
        "The group robots (企业微信/政务微信, 钉钉) of units, leaders and the committee office that notices of NOTIFY_ROBOT_KINDS are posted to (admin). The URL and secret are sealed at rest and never returned.",
    },
  ],
  requests: { PutNotificationRobot: putRobotSchema },
  responses: {
    NotificationRobot,
    NotificationRobotList: z.strictObject({ items: z.array(NotificationRobot) }),
  },
  paths: {
    "/v1/notification-robots": {
      get: {
        operationId: "listNotificationRobots",
        tags: ["notification-robots"],
        summary: "The committee's robots, their URLs without the key (admin).",
        responses: {
          "200": { description: "The robots.", ...json(ref("NotificationRobotList")) },
          ...errors(...admin),
        },
      },
    },
    "/v1/notification-robots/{target}/{kind}": {
      put: {
        operationId: "putNotificationRobot",
        tags: ["notification-robots"],
        summary: "Set the robot of a unit, a leader or the office (admin): 201 when new, 200 when replaced.",
        parameters,
        requestBody: { required: true, ...json(ref("PutNotificationRobot")) },
        responses: {
          "201": { description: "Created.", ...json(ref("NotificationRobot")) },
          "200": { description: "Replaced.", ...json(ref("NotificationRobot")) },
          ...errors(...admin, 422),
        },
      },
      delete: {
        operationId: "deleteNotificationRobot",
        tags: ["notification-robots"],
        summary: "Remove a robot (admin): notices are no longer posted to it; messages still queued for it fail.",
        parameters,
        responses: { "204": { description: "Deleted." }, ...errors(...admin, 404, 422) },
      },
    },
  },
};
