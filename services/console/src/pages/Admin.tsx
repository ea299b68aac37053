import { Alert, Button, Card, Form, Input, Modal, Space, Table, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { api, call, isApiError } from "../api/client.ts";
import { useLoad } from "../api/use-load.ts";
import { Refusal, useRefusalText } from "../components/refusal.tsx";
import { useLocale } from "../i18n/locale.tsx";

/** Admin: people and invitations, API keys, webhooks, dead letters with retry. */
export function AdminPage() {
  const { t } = useLocale();
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Typography.Title level={2}>{t("admin.title")}</Typography.Title>
      <Tabs
        items={[
          { key: "people", label: t("admin.people"), children: <People /> },
          { key: "keys", label: t("admin.apiKeys"), children: <ApiKeys /> },
          { key: "webhooks", label: t("admin.webhooks"), children: <Webhooks /> },
          { key: "dead", label: t("admin.deadLetters"), children: <DeadLetters /> },
        ]}
      />
    </Space>
  );
}

function People() {
  const { t, locale } = useLocale();
  const refusalText = useRefusalText();
  const people = useLoad(() => api.GET("/v1/directory/people", { params: { query: { limit: 200 } } }), []);
  const [invitation, setInvitation] = useState<{ name: string; link: string; expiresAt: string }>();
  const [problem, setProblem] = useState<string>();
  const [form] = Form.useForm();
  const invite = async (id: string, name: string) => {
    const { status, data } = await call<{ link: string; expiresAt: string }>(
      "POST",
      `/v1/people/${encodeURIComponent(id)}/invitations`,
      {},
    );
    if (status === 201 || status === 200) setInvitation({ name, ...data });
    else setProblem(isApiError(data) ? refusalText(data) : String(status));
  };
  const add = async (values: { id: string; name: string; email: string; role?: string }) => {
    const put = await api.PUT("/v1/directory/people/{id}", {
      params: { path: { id: values.id } },
      body: { name: values.name, email: values.email, language: locale === "en" ? "en" : "zh-CN" },
    });
    if (put.error) return setProblem(refusalText(put.error as never));
    if (values.role) {
      const role = await api.PUT("/v1/directory/roles/{label}/people/{personId}", {
        params: { path: { label: values.role, personId: values.id } },
      });
      if (role.error) return setProblem(refusalText(role.error as never));
    }
    form.resetFields();
    people.reload();
  };
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      {problem ? (
        <Alert type="error" role="alert" closable message={problem} onClose={() => setProblem(undefined)} />
      ) : null}
      <Refusal error={people.error} />
      <Card size="small">
        <Form form={form} layout="inline" onFinish={add}>
          <Form.Item name="id" label="ID" rules={[{ required: true }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="name" label={t("admin.name")} rules={[{ required: true }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="email" label={t("admin.email")} rules={[{ required: true, type: "email" }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="role" label={t("admin.role")}>
            <Input placeholder="staff / unit:u-1 / leader:l-1" style={{ width: 180 }} />
          </Form.Item>
          <Button htmlType="submit">{t("common.save")}</Button>
        </Form>
      </Card>
      <Table
        rowKey="id"
        size="small"
        loading={people.loading}
        dataSource={people.data?.items ?? []}
        pagination={false}
        columns={[
          { title: "ID", dataIndex: "id" },
          { title: t("admin.name"), dataIndex: "name" },
          { title: t("admin.email"), dataIndex: "email", responsive: ["md"] },
          {
            title: t("admin.role"),
            dataIndex: "roles",
            render: (roles: string[]) => roles.map((role) => <Tag key={role}>{role}</Tag>),
          },
          {
            title: "",
            key: "invite",
            render: (_: unknown, person: { id: string; name: string }) => (
              <Button
                size="small"
                onClick={() => invite(person.id, person.name)}
                aria-label={`${t("admin.invite")} ${person.name}`}
              >
                {t("admin.invite")}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={Boolean(invitation)}
        title={invitation?.name}
        footer={null}
        onCancel={() => setInvitation(undefined)}
      >
        <Typography.Paragraph>
          {t("admin.inviteLink", {
            expiresAt: invitation ? new Date(invitation.expiresAt).toLocaleString(locale) : "",
          })}
        </Typography.Paragraph>
        <Typography.Paragraph copyable code data-testid="invitation-link">
          {invitation?.link}
        </Typography.Paragraph>
      </Modal>
    </Space>
  );
}

function ApiKeys() {
  const { t } = useLocale();
  const keys = useLoad(() => api.GET("/v1/api-keys"), []);
  const revoke = async (id: string) => {
    await api.POST("/v1/api-keys/{id}/revoke", { params: { path: { id } } });
    keys.reload();
  };
  return (
    <>
      <Refusal error={keys.error} />
      <Table
        rowKey="id"
        size="small"
        loading={keys.loading}
        dataSource={keys.data?.items ?? []}
        pagination={false}
        columns={[
          { title: "prefix", dataIndex: "prefix" },
          { title: t("admin.name"), dataIndex: "name" },
          { title: t("admin.role"), dataIndex: "role" },
          { title: "actor", dataIndex: "actorId", responsive: ["md"] },
          {
            title: t("admin.status"),
            key: "status",
            render: (_: unknown, key: { id: string; revokedAt: string | null }) =>
              key.revokedAt ? (
                <Tag>{key.revokedAt.slice(0, 10)}</Tag>
              ) : (
                <Button size="small" danger onClick={() => revoke(key.id)}>
                  {t("admin.revoke")}
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}

function Webhooks() {
  const { t } = useLocale();
  const hooks = useLoad(() => api.GET("/v1/webhooks"), []);
  return (
    <>
      <Refusal error={hooks.error} />
      <Table
        rowKey="id"
        size="small"
        loading={hooks.loading}
        dataSource={hooks.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t("admin.url"), dataIndex: "url" },
          { title: t("admin.topics"), dataIndex: "events", render: (events: string[]) => events.join(", ") },
          { title: "", dataIndex: "createdAt", render: (at: string) => new Date(at).toLocaleString() },
        ]}
      />
    </>
  );
}

function DeadLetters() {
  const { t } = useLocale();
  const dead = useLoad(() => api.GET("/v1/notice-deliveries", { params: { query: { status: "dead" } } }), []);
  const retry = async (id: string) => {
    await api.POST("/v1/notice-deliveries/{id}/retry", { params: { path: { id } } });
    dead.reload();
  };
  return (
    <>
      <Refusal error={dead.error} />
      <Table
        rowKey="id"
        size="small"
        loading={dead.loading}
        dataSource={dead.data?.items ?? []}
        pagination={false}
        columns={[
          { title: "notice", dataIndex: "noticeId" },
          { title: "recipient", dataIndex: "recipient" },
          { title: "error", dataIndex: "lastError", responsive: ["md"] },
          {
            title: "",
            key: "retry",
            render: (_: unknown, row: { id: string }) => (
              <Button size="small" onClick={() => retry(row.id)}>
                {t("admin.retry")}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
