import { Button, Card, Empty, List, Space, Switch, Tag, Typography } from "antd";
import { useState } from "react";
import { api } from "../api/client.ts";
import { useLoad } from "../api/use-load.ts";
import { Refusal } from "../components/refusal.tsx";
import { useLocale } from "../i18n/locale.tsx";
import { deadlineKindName, noticeKindName } from "../i18n/messages.ts";
import { Link } from "../router.tsx";

/** The inbox: notices addressed to the person, acknowledge, and the proposal one click away. */
export function InboxPage() {
  const { t, locale } = useLocale();
  const [unacknowledged, setUnacknowledged] = useState(false);
  const inbox = useLoad(
    () => api.GET("/v1/notifications", { params: { query: unacknowledged ? { unacknowledged: "true" } : {} } }),
    [unacknowledged],
  );
  const acknowledge = async (id: string) => {
    await api.POST("/v1/notifications/{id}/ack", { params: { path: { id } } });
    inbox.reload();
  };
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size="middle">
      <Typography.Title level={2}>{t("inbox.title")}</Typography.Title>
      <Space>
        <Switch
          id="inbox-unacknowledged"
          checked={unacknowledged}
          onChange={setUnacknowledged}
          aria-label={t("inbox.unacknowledged")}
        />
        <span>{t("inbox.unacknowledged")}</span>
      </Space>
      <Refusal error={inbox.error} />
      <Card>
        {inbox.data && inbox.data.items.length === 0 ? <Empty description={t("inbox.empty")} /> : null}
        {inbox.data && inbox.data.items.length > 0 ? (
          <List
            dataSource={inbox.data.items}
            rowKey="id"
            renderItem={(notice) => {
              const deadlineKind = (notice.content as { deadlineKind?: string }).deadlineKind;
              return (
                <List.Item
                  data-testid="notice"
                  actions={[
                    <Link key="open" to={`/proposals/${encodeURIComponent(notice.proposalId)}`}>
                      {t("inbox.open")}
                    </Link>,
                    notice.acknowledgedAt ? (
                      <Tag key="done" color="blue">
                        {t("inbox.acknowledged")}
                      </Tag>
                    ) : (
                      <Button key="ack" size="small" type="primary" onClick={() => acknowledge(notice.id)}>
                        {t("inbox.acknowledge")}
                      </Button>
                    ),
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        <Tag color={notice.kind === "deadline.escalation" ? "red" : "blue"}>
                          {noticeKindName(locale, notice.kind)}
                        </Tag>
                        {notice.level > 0 ? t("proposal.level", { level: notice.level }) : null}
                      </Space>
                    }
                    description={
                      <Space wrap>
                        <span>{notice.proposalTitle ?? notice.proposalId}</span>
                        {deadlineKind ? <span>{deadlineKindName(locale, deadlineKind)}</span> : null}
                        <span>{new Date(notice.createdAt).toLocaleString(locale)}</span>
                      </Space>
                    }
                  />
                </List.Item>
              );
            }}
          />
        ) : null}
      </Card>
    </Space>
  );
}
