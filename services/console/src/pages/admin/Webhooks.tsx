import type { components } from "@huiyin/client/types";
import {
  Alert,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/use-load.ts";
import { Refusal } from "../../components/refusal.tsx";
import { useLocale } from "../../i18n/locale.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { useProblem } from "./problem.tsx";

type CreateWebhook = components["schemas"]["CreateWebhook"];
type Subscription = components["schemas"]["Webhook"];
type Delivery = components["schemas"]["WebhookDelivery"];
const TOPICS: CreateWebhook["events"] = ["*", "proposal.stage", "proposal.closed", "deadline.escalated"];
// Tag colours whose text keeps WCAG AA contrast (Ant Design's green and orange tags fall short: axe-core says so).
const STATUS_COLOR: Record<Delivery["status"], string | undefined> = {
  pending: undefined,
  retrying: "magenta",
  delivered: "blue",
  failed: "red",
  cancelled: undefined,
};

/**
 * Webhook subscriptions: create one (its signing secret shown this once), change its URL and topics, rotate its
 * secret (the new one shown once, the old one signing beside it until the overlap ends), send a test ping and show
 * what the receiver answered, read its deliveries (status, attempts, next attempt) and redeliver one, delete. Only
 * public addresses are accepted unless the deployment allows others (WEBHOOK_ALLOWED_DESTINATIONS); the API refuses
 * the rest with WEBHOOK_URL_FORBIDDEN.
 */
export function Webhooks() {
  const { t, locale } = useLocale();
  const problem = useProblem();
  const hooks = useLoad(() => api.GET("/v1/webhooks"), []);
  const [secret, setSecret] = useState<{ value: string; rotated: boolean; overlapUntil: string | null }>();
  const [open, setOpen] = useState<Subscription>();
  const [editing, setEditing] = useState<Subscription>();
  const [rotating, setRotating] = useState<Subscription>();
  const [pinged, setPinged] = useState<{ url: string; delivery: Delivery }>();
  const [form] = Form.useForm<CreateWebhook>();
  const [editForm] = Form.useForm<{ url: string; events: CreateWebhook["events"] }>();
  const [rotateForm] = Form.useForm<{ overlapHours: number }>();
  const at = (value: string) => new Date(value).toLocaleString(locale);

  const create = async (values: CreateWebhook) => {
    problem.clear();
    const { data, error, response } = await api.POST("/v1/webhooks", {
      body: { url: values.url.trim(), events: values.events },
    });
    if (problem.report(error, response.status) || !data) return;
    setSecret({ value: data.secret, rotated: false, overlapUntil: null });
    form.resetFields();
    hooks.reload();
  };
  const remove = async (id: string) => {
    problem.clear();
    const { error, response } = await api.DELETE("/v1/webhooks/{id}", { params: { path: { id } } });
    problem.report(error, response.status);
    hooks.reload();
  };
  const update = async (values: { url: string; events: CreateWebhook["events"] }) => {
    if (!editing) return;
    problem.clear();
    const { error, response } = await api.PATCH("/v1/webhooks/{id}", {
      params: { path: { id: editing.id } },
      body: { url: values.url.trim(), events: values.events },
    });
    setEditing(undefined);
    if (problem.report(error, response.status)) return;
    hooks.reload();
  };
  const rotate = async (values: { overlapHours: number }) => {
    if (!rotating) return;
    problem.clear();
    const { data, error, response } = await api.POST("/v1/webhooks/{id}/secret", {
      params: { path: { id: rotating.id } },
      body: { overlapSeconds: Math.round(values.overlapHours * 3600) },
    });
    setRotating(undefined);
    if (problem.report(error, response.status) || !data) return;
    setSecret({ value: data.secret, rotated: true, overlapUntil: data.previousSecretExpiresAt });
    hooks.reload();
  };
  const ping = async (hook: Subscription) => {
    problem.clear();
    setPinged(undefined);
    const { data, error, response } = await api.POST("/v1/webhooks/{id}/ping", { params: { path: { id: hook.id } } });
    if (problem.report(error, response.status) || !data) return;
    setPinged({ url: hook.url, delivery: data });
  };

  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {problem.shown}
      <Refusal error={hooks.error} />
      {pinged ? (
        <Alert
          role="status"
          showIcon
          closable
          data-testid="ping-result"
          onClose={() => setPinged(undefined)}
          type={pinged.delivery.status === "delivered" ? "success" : "error"}
          message={
            pinged.delivery.status === "delivered"
              ? t("admin.pingDelivered", { code: pinged.delivery.lastStatusCode ?? "" })
              : t("admin.pingFailed", {
                  code: pinged.delivery.lastStatusCode ?? "-",
                  error: pinged.delivery.lastError ?? "",
                })
          }
          description={pinged.url}
        />
      ) : null}
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
          {
            title: t("admin.url"),
            dataIndex: "url",
            render: (url: string) => <span data-testid="webhook-url">{url}</span>,
          },
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
            render: (_: string, hook: Subscription) => (
              <>
                {at(hook.createdAt)}
                {hook.previousSecretExpiresAt ? (
                  <div>
                    <Tag color="magenta">{t("admin.oldSecretUntil", { at: at(hook.previousSecretExpiresAt) })}</Tag>
                  </div>
                ) : null}
              </>
            ),
          },
          {
            title: t("admin.actions"),
            key: "actions",
            render: (_: unknown, hook: Subscription) => (
              <Space size="small" wrap>
                <Button
                  size="small"
                  aria-label={`${t("admin.editWebhook")} ${hook.url}`}
                  onClick={() => setEditing(hook)}
                >
                  {t("admin.edit")}
                </Button>
                <Button
                  size="small"
                  aria-label={`${t("admin.rotateSecret")} ${hook.url}`}
                  onClick={() => setRotating(hook)}
                >
                  {t("admin.rotateSecret")}
                </Button>
                <Button size="small" aria-label={`${t("admin.ping")} ${hook.url}`} onClick={() => ping(hook)}>
                  {t("admin.ping")}
                </Button>
                <Button size="small" aria-label={`${t("admin.deliveries")} ${hook.url}`} onClick={() => setOpen(hook)}>
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
        open={Boolean(editing)}
        title={t("admin.editWebhook")}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
        onOk={() => editForm.submit()}
        onCancel={() => setEditing(undefined)}
        destroyOnHidden
      >
        <Form
          form={editForm}
          name="editWebhook"
          layout="vertical"
          onFinish={update}
          initialValues={editing ? { url: editing.url, events: editing.events } : {}}
        >
          <Form.Item name="url" label={t("admin.url")} rules={[{ required: true, type: "url" }]}>
            <Input placeholder="https://" />
          </Form.Item>
          <Form.Item name="events" label={t("admin.topics")} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              options={TOPICS.map((value) => ({ value, label: value === "*" ? t("admin.allTopics") : value }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={Boolean(rotating)}
        title={`${t("admin.rotateSecret")}: ${rotating?.url ?? ""}`}
        okText={t("admin.rotateSecret")}
        okButtonProps={{ danger: true }}
        cancelText={t("common.cancel")}
        onOk={() => rotateForm.submit()}
        onCancel={() => setRotating(undefined)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t("admin.confirmRotate")}</Typography.Paragraph>
        <Form
          form={rotateForm}
          name="rotateSecret"
          layout="inline"
          onFinish={rotate}
          initialValues={{ overlapHours: 24 }}
        >
          <Form.Item name="overlapHours" label={t("admin.overlapHours")} rules={[{ required: true }]}>
            <InputNumber min={0} max={168} step={1} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={Boolean(secret)}
        title={secret?.rotated ? t("admin.newSecret") : t("admin.webhookSecret")}
        footer={null}
        destroyOnHidden
        onCancel={() => setSecret(undefined)}
      >
        <Typography.Paragraph copyable code data-testid="webhook-secret">
          {secret?.value}
        </Typography.Paragraph>
        {secret?.rotated ? (
          <Typography.Paragraph data-testid="secret-overlap">
            {secret.overlapUntil ? t("admin.overlapUntil", { at: at(secret.overlapUntil) }) : t("admin.overlapNone")}
          </Typography.Paragraph>
        ) : null}
        <Typography.Paragraph type="secondary">{t("admin.shownOnce")}</Typography.Paragraph>
      </Modal>
      <Drawer
        open={Boolean(open)}
        title={open ? t("admin.deliveryOf", { url: open.url }) : ""}
        size="large"
        onClose={() => setOpen(undefined)}
        destroyOnHidden
      >
        {open ? <Deliveries id={open.id} /> : null}
      </Drawer>
    </Space>
  );
}

/** A subscription's deliveries, newest first, each with a redeliver button (a new delivery of the same payload). */
function Deliveries({ id }: { id: string }) {
  const { t, locale } = useLocale();
  const problem = useProblem();
  const [queued, setQueued] = useState(false);
  const deliveries = useLoad(
    () => api.GET("/v1/webhooks/{id}/deliveries", { params: { path: { id }, query: { limit: 50 } } }),
    [id],
  );
  const at = (value: string | null) => (value ? new Date(value).toLocaleString(locale) : "-");
  const redeliver = async (delivery: Delivery) => {
    problem.clear();
    setQueued(false);
    const { error, response } = await api.POST("/v1/webhook-deliveries/{id}/redeliver", {
      params: { path: { id: delivery.id } },
    });
    if (problem.report(error, response.status)) return;
    setQueued(true);
    deliveries.reload();
  };
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {problem.shown}
      {queued ? <Alert role="status" type="success" showIcon message={t("admin.redelivered")} /> : null}
      <Refusal error={deliveries.error} />
      <Button size="small" onClick={deliveries.reload}>
        {t("common.refresh")}
      </Button>
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
            render: (status: Delivery["status"], delivery: Delivery) => (
              <span data-testid={`delivery-${delivery.id}`} data-status={status}>
                <Tag color={STATUS_COLOR[status]}>
                  {t(`admin.delivery.${status}` as MessageKey)}
                  {delivery.lastStatusCode ? ` · ${delivery.lastStatusCode}` : ""}
                </Tag>
              </span>
            ),
          },
          { title: t("admin.attempts"), dataIndex: "attempts" },
          { title: t("admin.nextAttempt"), dataIndex: "nextAttemptAt", render: at },
          {
            title: t("admin.actions"),
            key: "actions",
            render: (_: unknown, delivery: Delivery) => (
              <Popconfirm
                title={t("admin.confirmRedeliver")}
                okText={t("admin.redeliver")}
                cancelText={t("common.cancel")}
                onConfirm={() => redeliver(delivery)}
              >
                <Button size="small" aria-label={`${t("admin.redeliver")} ${delivery.topic} ${at(delivery.createdAt)}`}>
                  {t("admin.redeliver")}
                </Button>
              </Popconfirm>
            ),
          },
          { title: t("admin.lastAttempt"), dataIndex: "lastAttemptAt", responsive: ["md"], render: at },
          { title: t("admin.error"), dataIndex: "lastError", responsive: ["lg"] },
          { title: t("admin.createdAt"), dataIndex: "createdAt", responsive: ["md"], render: at },
        ]}
      />
    </Space>
  );
}
