import type { components } from "@huiyin/client/types";
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/use-load.ts";
import { Refusal } from "../../components/refusal.tsx";
import { useLocale } from "../../i18n/locale.tsx";
import { useProblem } from "./problem.tsx";

type CreateApiKey = components["schemas"]["CreateApiKey"];
type ApiKey = components["schemas"]["ApiKey"];
type ActsFor = components["schemas"]["ActsFor"];
const KEY_ROLES: CreateApiKey["role"][] = ["integrator", "staff", "unit", "leader", "proposer", "admin"];

/**
 * API keys for integrators and scripts: issue one (the key shown this once: only its hash is kept), revoke, and bind
 * an integrator key to the people and roles it may act for with X-On-Behalf-Of (PUT /v1/api-keys/:id/acts-for).
 */
export function ApiKeys() {
  const { t, locale } = useLocale();
  const problem = useProblem();
  const keys = useLoad(() => api.GET("/v1/api-keys"), []);
  const [issued, setIssued] = useState<{ key: string; prefix: string }>();
  const [form] = Form.useForm<CreateApiKey>();
  const role = Form.useWatch("role", form);
  const people = useLoad(() => api.GET("/v1/directory/people", { params: { query: { limit: 200 } } }), []);
  const [binding, setBinding] = useState<ApiKey>();
  const [bound, setBound] = useState(false);
  const [bindForm] = Form.useForm<ActsFor>();
  const bind = async (values: ActsFor) => {
    if (!binding) return;
    problem.clear();
    setBound(false);
    const { error, response } = await api.PUT("/v1/api-keys/{id}/acts-for", {
      params: { path: { id: binding.id } },
      body: { people: values.people ?? [], roles: (values.roles ?? []).map((value) => value.trim()) },
    });
    setBinding(undefined);
    if (problem.report(error, response.status)) return;
    setBound(true);
    keys.reload();
  };
  const issue = async (values: CreateApiKey) => {
    problem.clear();
    const body: CreateApiKey = {
      role: values.role,
      actorId: values.actorId,
      ...(values.role === "unit" && values.unitId ? { unitId: values.unitId } : {}),
      ...(values.name ? { name: values.name } : {}),
    };
    const { data, error, response } = await api.POST("/v1/api-keys", { body });
    if (problem.report(error, response.status) || !data) return;
    setIssued({ key: data.key, prefix: data.prefix });
    form.resetFields();
    keys.reload();
  };
  const revoke = async (id: string) => {
    problem.clear();
    const { error, response } = await api.POST("/v1/api-keys/{id}/revoke", { params: { path: { id } } });
    problem.report(error, response.status);
    keys.reload();
  };
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {problem.shown}
      {bound ? <Alert role="status" type="success" showIcon closable message={t("admin.bound")} /> : null}
      <Refusal error={keys.error} />
      <Card size="small" title={t("admin.issueKey")}>
        <Form form={form} name="apiKey" layout="inline" onFinish={issue} initialValues={{ role: "integrator" }}>
          <Form.Item name="role" label={t("admin.role")} rules={[{ required: true }]}>
            <Select style={{ width: 140 }} options={KEY_ROLES.map((value) => ({ value, label: value }))} />
          </Form.Item>
          <Form.Item name="actorId" label={t("admin.actor")} rules={[{ required: true }]}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          {role === "unit" ? (
            <Form.Item name="unitId" label={t("admin.unit")} rules={[{ required: true }]}>
              <Input style={{ width: 120 }} />
            </Form.Item>
          ) : null}
          <Form.Item name="name" label={t("admin.keyName")}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Button htmlType="submit">{t("admin.issue")}</Button>
        </Form>
      </Card>
      <Table
        rowKey="id"
        size="small"
        loading={keys.loading}
        dataSource={keys.data?.items ?? []}
        pagination={false}
        scroll={{ x: "max-content" }}
        columns={[
          { title: t("admin.prefix"), dataIndex: "prefix" },
          { title: t("admin.keyName"), dataIndex: "name" },
          { title: t("admin.role"), dataIndex: "role" },
          { title: t("admin.actor"), dataIndex: "actorId", responsive: ["md"] },
          {
            title: t("admin.actsFor"),
            key: "actsFor",
            render: (_: unknown, key: ApiKey) =>
              key.role === "integrator" ? (
                <Space size={4} wrap data-testid={`acts-for-${key.prefix}`}>
                  {key.actsFor.people.length + key.actsFor.roles.length === 0 ? (
                    <Typography.Text type="secondary">{t("admin.bindNobody")}</Typography.Text>
                  ) : null}
                  {key.actsFor.people.map((id) => (
                    <Tag key={`p-${id}`} color="blue">
                      {id}
                    </Tag>
                  ))}
                  {key.actsFor.roles.map((pattern) => (
                    <Tag key={`r-${pattern}`}>{pattern}</Tag>
                  ))}
                  {key.revokedAt ? null : (
                    <Button
                      size="small"
                      aria-label={`${t("admin.bind")} ${key.prefix}`}
                      onClick={() => setBinding(key)}
                    >
                      {t("admin.bind")}
                    </Button>
                  )}
                </Space>
              ) : null,
          },
          {
            title: t("admin.createdAt"),
            dataIndex: "createdAt",
            responsive: ["lg"],
            render: (at: string) => new Date(at).toLocaleString(locale),
          },
          {
            title: t("admin.status"),
            key: "status",
            render: (_: unknown, key: ApiKey) =>
              key.revokedAt ? (
                <Tag data-testid={`revoked-${key.prefix}`}>
                  {t("admin.revokedAt", { at: new Date(key.revokedAt).toLocaleDateString(locale) })}
                </Tag>
              ) : (
                <Popconfirm title={t("admin.confirmRevoke")} onConfirm={() => revoke(key.id)}>
                  <Button size="small" danger aria-label={`${t("admin.revoke")} ${key.prefix}`}>
                    {t("admin.revoke")}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal
        open={Boolean(binding)}
        title={t("admin.bindTitle", { prefix: binding?.prefix ?? "" })}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
        onOk={() => bindForm.submit()}
        onCancel={() => setBinding(undefined)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t("admin.bindHelp")}</Typography.Paragraph>
        <Form
          form={bindForm}
          name="actsFor"
          layout="vertical"
          onFinish={bind}
          initialValues={binding ? binding.actsFor : {}}
        >
          <Form.Item name="people" label={t("admin.bindPeople")}>
            <Select
              mode="tags"
              options={(people.data?.items ?? []).map((person) => ({
                value: person.id,
                label: `${person.name} (${person.id})`,
              }))}
            />
          </Form.Item>
          <Form.Item name="roles" label={t("admin.bindRoles")}>
            <Select
              mode="tags"
              options={["proposer", "staff", "unit", "leader"].map((value) => ({ value, label: value }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={Boolean(issued)}
        title={t("admin.keyIssued")}
        footer={null}
        destroyOnHidden
        onCancel={() => setIssued(undefined)}
      >
        <Typography.Paragraph copyable code data-testid="issued-key">
          {issued?.key}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t("admin.shownOnce")}</Typography.Paragraph>
      </Modal>
    </Space>
  );
}
