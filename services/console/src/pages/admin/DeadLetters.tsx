import { Button, Table } from "antd";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/use-load.ts";
import { Refusal } from "../../components/refusal.tsx";
import { useLocale } from "../../i18n/locale.tsx";
import { noticeKindName } from "../../i18n/messages.ts";
import { Link } from "../../router.tsx";
import { useProblem } from "./problem.tsx";

/**
 * Notice deliveries given up after their last attempt (e-mail, SMS, 企业微信/钉钉 robots), each with a retry (the api
 * queues it anew on its channel).
 */
export function DeadLetters() {
  const { t, locale } = useLocale();
  const problem = useProblem();
  const dead = useLoad(() => api.GET("/v1/notice-deliveries", { params: { query: { status: "dead" } } }), []);
  const retry = async (id: string) => {
    const { error, response } = await api.POST("/v1/notice-deliveries/{id}/retry", { params: { path: { id } } });
    problem.report(error, response.status);
    dead.reload();
  };
  return (
    <>
      {problem.shown}
      <Refusal error={dead.error} />
      <Table
        rowKey="id"
        size="small"
        loading={dead.loading}
        dataSource={dead.data?.items ?? []}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("admin.noDeadLetters") }}
        columns={[
          { title: t("admin.notice"), dataIndex: "kind", render: (kind: string) => noticeKindName(locale, kind) },
          {
            title: t("admin.proposal"),
            dataIndex: "proposalId",
            render: (id: string) => <Link to={`/proposals/${encodeURIComponent(id)}`}>{id}</Link>,
          },
          { title: t("admin.channel"), dataIndex: "channel" },
          { title: t("admin.recipient"), dataIndex: "recipient" },
          { title: t("admin.attempts"), dataIndex: "attempts", responsive: ["md"] },
          { title: t("admin.error"), dataIndex: "lastError", responsive: ["md"] },
          {
            title: t("admin.createdAt"),
            dataIndex: "createdAt",
            responsive: ["lg"],
            render: (at: string | null) => (at ? new Date(at).toLocaleString(locale) : ""),
          },
          {
            title: t("admin.actions"),
            key: "retry",
            render: (_: unknown, row: { id: string; recipient: string }) => (
              <Button size="small" onClick={() => retry(row.id)} aria-label={`${t("admin.retry")} ${row.recipient}`}>
                {t("admin.retry")}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
