import type { components } from "@huiyin/client/types";
import { Button, Card, Drawer, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/use-load.ts";
import { Refusal } from "../../components/refusal.tsx";
import { useLocale } from "../../i18n/locale.tsx";
import { useProblem } from "./problem.tsx";

type CreateWebhook = components["schemas"]["CreateWebhook"];
const TOPICS: CreateWebhook["events"] = ["*", "proposal.stage", "proposal.closed", "deadline.escalated"];

/**
 * Webhook subscriptions: create one (its signing secret shown this once), delete, and read its deliveries. Only
 * public addresses are accepted (the API refuses the rest with WEBHOOK_URL_FORBIDDEN).
 */
export function Webhooks() {
  const { t, locale } = useLocale();
  const problem = useProblem();
  const hooks = useLoad(() => api.GET("/v1/webhooks"), []);
  const [secret, setSecret] = useState<string>();
  const [open, setOpen] = useState<{ id: string; url: string }>();
  const [form] = Form.useForm<CreateWebhook>();
  const create = async (values: CreateWebhook) => {
    problem.clear();
    const { data, error, response } = await api.POST("/v1/webhooks", {
      body: { url: values.url.trim(), events: values.events },
    });
    if (problem.report(error, response.status) || !data) return;
    setSecret(data.secret);
    form.resetFields();
    hooks.reload();
  };
  const remove = async (id: string) => {
    problem.clear();
    const { error, response } = await api.DELETE("/v1/webhooks/{id}", { params: { path: { id } } });
    problem.report(error, response.status);
    hooks.reload();
  };
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      {problem.shown}
      <Refusal error={hooks.error} />
      <Card size="small" title={t("admin.createWebhook")}>
        <Form form={form} name="webhook" layout="inline" onFinish={create} initialValues={{ events: ["*"] }}>
          <Form.Item name="url" label={t("admin.url")} rules={[{ required: true, type: "url" }]}>
            <Input placeholder="https://" style={{ width: 280 }} />
          </Form.Item>
          <Form.Item name="events" label={t("admin.topics")} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              style={{ minWidth: 220 }}
              options={TOPICS.map((value) => ({ value, label: value === "*" ? t("admin.allTopics") : value }))}
            />
          </Form.Item>
          <Button htmlType="submit">{t("admin.create")}</Button>
        </Form>
      </Card>
      <Table
        rowKey="id"
        size="small"
        loading={hooks.loading}
        dataSource={hooks.data?.items ?? []}
        pagination={false}
        scroll={{ x: "max-content" }}
        columns={[
          { title: t("admin.url"), dataIndex: "url" },
          {
            title: t("admin.topics"),
            dataIndex: "events",
            responsive: ["sm"],
            render: (events: string[]) => events.map((event) => <Tag key={event}>{event}</Tag>),
          },
          {
            title: t("admin.createdAt"),
            dataIndex: "createdAt",
            responsive: ["md"],
            render: (at: string) => new Date(at).toLocaleString(locale),
          },
          {
            title: t("admin.actions"),
            key: "actions",
            render: (_: unknown, hook: { id: string; url: string }) => (
              <Space size="small" wrap>
                <Button size="small" onClick={() => setOpen(hook)}>
                  {t("admin.deliveries")}
                </Button>
                <Popconfirm title={t("admin.confirmDelete")} onConfirm={() => remove(hook.id)}>
                  <Button size="small" danger aria-label={`${t("admin.delete")} ${hook.url}`}>
                    {t("admin.delete")}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={Boolean(secret)}
        title={t("admin.webhookSecret")}
        footer={null}
        destroyOnHidden
        onCancel={() => setSecret(undefined)}
      >
        <Typography.Paragraph copyable code data-testid="webhook-secret">
          {secret}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t("admin.shownOnce")}</Typography.Paragraph>
      </Modal>
      <Drawer open={Boolean(open)} title={open?.url} size="large" onClose={() => setOpen(undefined)} destroyOnHidden>
        {open ? <Deliveries id={open.id} /> : null}
      </Drawer>
    </Space>
  );
}

function Deliveries({ id }: { id: string }) {
  const { t, locale } = useLocale();
  const deliveries = useLoad(
    () => api.GET("/v1/webhooks/{id}/deliveries", { params: { path: { id }, query: { limit: 50 } } }),
    [id],
  );
  return (
    <>
      <Refusal error={deliveries.error} />
      <Table
        rowKey="id"
        size="small"
        loading={deliveries.loading}
        dataSource={deliveries.data?.items ?? []}
        pagination={false}
        scroll={{ x: "max-content" }}
        columns={[
          { title: t("admin.topic"), dataIndex: "topic" },
          { title: t("admin.proposal"), dataIndex: "proposalId", responsive: ["md"] },
          {
            title: t("admin.status"),
            dataIndex: "status",
            render: (status: string) => <Tag color={status === "dead" ? "red" : undefined}>{status}</Tag>,
          },
          { title: t("admin.attempts"), dataIndex: "attempts" },
          { title: t("admin.error"), dataIndex: "lastError", responsive: ["md"] },
          {
            title: t("admin.createdAt"),
            dataIndex: "createdAt",
            render: (at: string) => new Date(at).toLocaleString(locale),
          },
        ]}
      />
    </>
  );
}
