import { Badge, Button, Card, Empty, List, Space, Tag, Typography } from "antd";
import { api } from "../api/client.ts";
import { useLoad } from "../api/use-load.ts";
import { Refusal } from "../components/refusal.tsx";
import { Urgency } from "../components/urgency.tsx";
import { useLocale } from "../i18n/locale.tsx";
import { deadlineKindName } from "../i18n/messages.ts";
import { Link } from "../router.tsx";

/** What waits for the signed-in person, most urgent first, with counts per kind (GET /v1/my-work). */
export function MyWorkPage() {
  const { t, tx, locale } = useLocale();
  const work = useLoad(() => api.GET("/v1/my-work"), []);
  const acknowledge = async (noticeId: string) => {
    await api.POST("/v1/notifications/{id}/ack", { params: { path: { id: noticeId } } });
    work.reload();
  };
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size="middle">
      <Typography.Title level={2}>{t("work.title")}</Typography.Title>
      <Refusal error={work.error} />
      {work.data ? (
        <>
          <Space wrap aria-label={t("work.total", { count: work.data.total })}>
            <Tag>{t("work.total", { count: work.data.total })}</Tag>
            {Object.entries(work.data.counts).map(([kind, count]) => (
              <Badge key={kind} count={count} color={kind === "escalation" ? "red" : "blue"} offset={[8, 0]}>
                <Tag>{tx(`work.kind.${kind}`, kind)}</Tag>
              </Badge>
            ))}
          </Space>
          <Card>
            {work.data.items.length === 0 ? (
              <Empty description={t("work.empty")} />
            ) : (
              <List
                dataSource={work.data.items}
                rowKey={(item) => `${item.kind}:${item.proposalId}:${item.noticeId ?? ""}`}
                renderItem={(item) => (
                  <List.Item
                    data-testid="work-item"
                    actions={
                      item.noticeId
                        ? [
                            <Button key="ack" size="small" onClick={() => item.noticeId && acknowledge(item.noticeId)}>
                              {t("inbox.acknowledge")}
                            </Button>,
                          ]
                        : []
                    }
                  >
                    <List.Item.Meta
                      title={<Link to={`/proposals/${encodeURIComponent(item.proposalId)}`}>{item.title}</Link>}
                      description={
                        <Space wrap>
                          <Tag color={item.kind === "escalation" ? "red" : "blue"}>
                            {tx(`work.kind.${item.kind}`, item.kind)}
                          </Tag>
                          {item.deadlineKind ? <span>{deadlineKindName(locale, item.deadlineKind)}</span> : null}
                          <Urgency overdue={item.overdue} workingDaysLeft={item.workingDaysLeft} />
                        </Space>
                      }
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </>
      ) : null}
    </Space>
  );
}
