import { DELIVERY_CHANNELS } from "@huiyin/notify";
import { z } from "zod";
import {
  admin,
  anyObject,
  common,
  errors,
  type FeatureApi,
  instant,
  integer,
  json,
  nullableInstant,
  nullableString,
  type PathItem,
  page,
  pathParameter,
  queryParameters,
  ref,
} from "../http/openapi-kit.ts";
import { ackLinkNoticeSchema, ackLinkQuerySchema } from "./ack-link.ts";
import { NOTICE_DELIVERY_STATUSES, noticeDeliveriesQuerySchema } from "./deliveries.ts";
import { inboxQuerySchema } from "./routes.ts";

const deliveryShape = {
  id: z.string().regex(/^\d+$/),
  channel: z.enum(DELIVERY_CHANNELS),
  recipient: z
    .string()
    .describe("`role[:scope]` for the inbox, `person:<id>` for e-mail and SMS, `robot:<id>` for a group robot."),
  status: z.enum(NOTICE_DELIVERY_STATUSES),
  attempts: integer,
  createdAt: instant,
  deliveredAt: nullableInstant,
  lastError: nullableString,
};

const NoticeDelivery = z.strictObject(deliveryShape);

const noticeShape = {
  id: z.string(),
  proposalId: z.string(),
  deadlineId: nullableString,
  kind: z.string(),
  level: integer,
  content: anyObject,
  createdAt: instant,
  acknowledgedAt: nullableInstant,
  acknowledgedBy: nullableString,
  deliveries: z.array(NoticeDelivery),
};

const Notification = z.strictObject({
  ...noticeShape,
  topic: z.string(),
  proposalTitle: nullableString.describe("The proposal's title, for the inbox to name it (null if it is gone)."),
});

const NoticeDeliveryListItem = z.strictObject({
  noticeId: z.string(),
  proposalId: z.string(),
  kind: z.string(),
  level: integer,
  ...deliveryShape,
});

const id = pathParameter("id");

/**
 * The acknowledge link of an e-mail: no API key (the signed query is the credential); a browser gets pages, a
 * client asking for JSON the notice. GET never changes anything; POST acknowledges.
 */
function ackLinkOperations(): PathItem {
  const answer = (description: string) => ({
    description,
    content: { ...json(ref("AckLinkNotice")).content, "text/html": { schema: { type: "string" } } },
  });
  // Exactly these codes: no API key is read, and the signed query is the only input.
  const refused = errors(
    "INVALID_QUERY",
    "MALFORMED_URL",
    "INVALID_CHARACTER",
    "ACK_LINK_INVALID",
    "NOT_FOUND",
    "ACK_LINK_EXPIRED",
    "RATE_LIMITED",
    "DATABASE_UNAVAILABLE",
  );
  const parameters = [id, ...queryParameters(ackLinkQuerySchema)];
  return {
    get: {
      operationId: "viewAckLink",
      tags: ["notifications"],
      summary: "An e-mail's acknowledge link: a confirmation page whose button POSTs; changes nothing.",
      security: [],
      parameters,
      responses: { "200": answer("The notice (JSON), or the confirmation page (HTML)."), ...refused },
    },
    post: {
      operationId: "acknowledgeByLink",
      tags: ["notifications"],
      summary: "Acknowledge a notification through its e-mail link (the first acknowledgement stands).",
      security: [],
      parameters,
      responses: { "200": answer("The acknowledged notice (JSON), or a page saying so (HTML)."), ...refused },
    },
  };
}

/** The inbox and its acknowledge links; delivery status per channel, the dead letters and their retry. */
export const notificationsApi: FeatureApi = {
  tags: [
    { name: "notifications", description: "The key's inbox and the acknowledge links of e-mails." },
    {
      name: "notice-deliveries",
      description: "Delivery status per channel and the dead letters (admin, staff), and the retry of a dead e-mail.",
    },
  ],
  requests: { AckLinkNotice: ackLinkNoticeSchema },
  responses: {
    Notification,
    NotificationPage: page(Notification),
    NoticeDelivery,
    Notice: z.strictObject({
      ...noticeShape,
      recipients: z.unknown().describe("Who the notice is for, as the engine recorded it."),
    }),
    NoticeDeliveryListItem,
    NoticeDeliveryPage: page(NoticeDeliveryListItem),
  },
  paths: {
    "/v1/notifications": {
      get: {
        operationId: "listNotifications",
        tags: ["notifications"],
        summary: "The key's inbox, newest first.",
        parameters: queryParameters(inboxQuerySchema),
        responses: {
          "200": { description: "A page: items and nextCursor.", ...json(ref("NotificationPage")) },
          ...errors(...common),
        },
      },
    },
    "/v1/notifications/{id}/ack": {
      post: {
        operationId: "acknowledgeNotification",
        tags: ["notifications"],
        summary: "Acknowledge a notification (the first acknowledgement stands).",
        parameters: [id],
        responses: {
          "200": { description: "The notification.", ...json(ref("Notification")) },
          ...errors(...common, 404),
        },
      },
    },
    "/v1/notifications/{id}/ack-link": ackLinkOperations(),
    "/v1/notices/{id}": {
      get: {
        operationId: "getNotice",
        tags: ["notice-deliveries"],
        summary: "One notice with every delivery: channel, recipient, status, attempts, last error (admin, staff).",
        parameters: [id],
        responses: { "200": { description: "The notice.", ...json(ref("Notice")) }, ...errors(...admin, 404) },
      },
    },
    "/v1/notice-deliveries": {
      get: {
        operationId: "listNoticeDeliveries",
        tags: ["notice-deliveries"],
        summary: "Notice deliveries, newest first, filtered; status=dead lists the dead letters (admin, staff).",
        parameters: queryParameters(noticeDeliveriesQuerySchema),
        responses: {
          "200": { description: "A page: items and nextCursor.", ...json(ref("NoticeDeliveryPage")) },
          ...errors(...admin),
        },
      },
    },
    "/v1/notice-deliveries/{id}/retry": {
      post: {
        operationId: "retryNoticeDelivery",
        tags: ["notice-deliveries"],
        summary:
          "Put a dead e-mail, SMS or robot message back on the notifier's queue of its channel for a new round of attempts (admin); idempotent.",
        parameters: [id],
        responses: {
          "202": { description: "Requeued (or already on its way): the delivery.", ...json(ref("NoticeDelivery")) },
          ...errors(...admin, 404, "ALREADY_DELIVERED", "NOT_RETRYABLE", "EMAIL_CHANNEL_OFF"),
        },
      },
    },
  },
};
