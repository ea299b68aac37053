import { Space, Tabs, Typography } from "antd";
import { useLocale } from "../i18n/locale.tsx";
import { ApiKeys } from "./admin/ApiKeys.tsx";
import { DeadLetters } from "./admin/DeadLetters.tsx";
import { NotificationRobots } from "./admin/NotificationRobots.tsx";
import { People } from "./admin/People.tsx";
import { Roles } from "./admin/Roles.tsx";
import { Units } from "./admin/Units.tsx";
import { Webhooks } from "./admin/Webhooks.tsx";

/**
 * Admin: people and invitations, units, role assignments, API keys, webhooks, dead letters with retry, notification
 * robots.
 */
export function AdminPage() {
  const { t } = useLocale();
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Typography.Title level={2}>{t("admin.title")}</Typography.Title>
      <Tabs
        items={[
          { key: "people", label: t("admin.people"), children: <People /> },
          { key: "units", label: t("admin.units"), children: <Units /> },
          { key: "roles", label: t("admin.roles"), children: <Roles /> },
          { key: "keys", label: t("admin.apiKeys"), children: <ApiKeys /> },
          { key: "webhooks", label: t("admin.webhooks"), children: <Webhooks /> },
          { key: "dead", label: t("admin.deadLetters"), children: <DeadLetters /> },
          { key: "robots", label: t("admin.robots"), children: <NotificationRobots /> },
        ]}
      />
    </Space>
  );
}
