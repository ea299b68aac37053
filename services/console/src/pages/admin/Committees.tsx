import type { components } from "@huiyin/client/types";
import { Alert, Button, Card, Form, Input, Modal, Result, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/use-load.ts";
import { Refusal } from "../../components/refusal.tsx";
import { useLocale } from "../../i18n/locale.tsx";
import { hasRole, useSession } from "../../session.tsx";
import { useProblem } from "./problem.tsx";

type Committee = components["schemas"]["Committee"];
type CreateCommitteeAdmin = components["schemas"]["CreateCommitteeAdmin"];
type Invited = components["schemas"]["CommitteeAdminInvited"];

/**
 * The committees a deployment hosts, for its operator (role `operator`): create one, rename one (its id never
 * changes: it names the committee's rows), and give a committee an administrator: a person made in that committee's
 * directory with the admin role, and the invitation link they set their password with (shown this once). The
 * operator sees no committee's proposals or directory, only this.
 */
export function CommitteesPage() {
  const { t } = useLocale();
  const { session } = useSession();
  if (!session || !hasRole(session, "operator")) {
    return <Result status="403" title="403" subTitle={t("committees.operatorOnly")} />;
  }
  return <Committees />;
}

function Committees() {
  const { t, locale } = useLocale();
  const problem = useProblem();
  const committees = useLoad(() => api.GET("/v1/committees"), []);
  const [renaming, setRenaming] = useState<Committee>();
  const [appointing, setAppointing] = useState<Committee>();
  const [invited, setInvited] = useState<{ committee: Committee; answer: Invited }>();
  const [form] = Form.useForm<{ id: string; name: string }>();
  const [renameForm] = Form.useForm<{ name: string }>();
  const [adminForm] = Form.useForm<CreateCommitteeAdmin>();

  const create = async (values: { id: string; name: string }) => {
    problem.clear();
    const { error, response } = await api.POST("/v1/committees", {
      body: { id: values.id.trim(), name: values.name.trim() },
    });
    if (problem.report(error, response.status)) return;
    form.resetFields();
    committees.reload();
  };
  const rename = async (values: { name: string }) => {
    if (!renaming) return;
    problem.clear();
    const { error, response } = await api.PATCH("/v1/committees/{id}", {
      params: { path: { id: renaming.id } },
      body: { name: values.name.trim() },
    });
    setRenaming(undefined);
    if (problem.report(error, response.status)) return;
    committees.reload();
  };
  const appoint = async (values: CreateCommitteeAdmin) => {
    const committee = appointing;
    if (!committee) return;
    problem.clear();
    const { data, error, response } = await api.POST("/v1/committees/{id}/admins", {
      params: { path: { id: committee.id } },
      body: { ...values, personId: values.personId.trim(), name: values.name.trim(), email: values.email.trim() },
    });
    setAppointing(undefined);
    if (problem.report(error, response.status) || !data) return;
    setInvited({ committee, answer: data });
  };

  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Typography.Title level={2}>{t("committees.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("committees.help")}</Typography.Paragraph>
      {problem.shown}
      <Refusal error={committees.error} />
      <Card size="small" title={t("committees.create")}>
        <Form form={form} name="committee" layout="inline" onFinish={create}>
          <Form.Item
            name="id"
            label={t("committees.id")}
            rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{0,62}$/ }]}
          >
            <Input placeholder="sz-futian" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="name" label={t("committees.name")} rules={[{ required: true, max: 200 }]}>
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Button htmlType="submit" type="primary">
            {t("committees.create")}
          </Button>
        </Form>
      </Card>
      <Table
        rowKey="id"
        size="small"
        loading={committees.loading}
        dataSource={committees.data?.items ?? []}
        pagination={false}
        scroll={{ x: "max-content" }}
        columns={[
          { title: t("committees.id"), dataIndex: "id" },
          {
            title: t("committees.name"),
            dataIndex: "name",
            render: (name: string, committee: Committee) => (
              <span data-testid={`committee-${committee.id}`}>{name}</span>
            ),
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
            render: (_: unknown, committee: Committee) => (
              <Space size="small" wrap>
                <Button
                  size="small"
                  aria-label={`${t("committees.rename")} ${committee.id}`}
                  onClick={() => setRenaming(committee)}
                >
                  {t("committees.rename")}
                </Button>
                <Button
                  size="small"
                  aria-label={`${t("committees.firstAdmin")} ${committee.id}`}
                  onClick={() => setAppointing(committee)}
                >
                  {t("committees.firstAdmin")}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={Boolean(renaming)}
        title={t("committees.renameTitle", { id: renaming?.id ?? "" })}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
        onOk={() => renameForm.submit()}
        onCancel={() => setRenaming(undefined)}
        destroyOnHidden
      >
        <Form
          form={renameForm}
          name="renameCommittee"
          layout="vertical"
          onFinish={rename}
          initialValues={renaming ? { name: renaming.name } : {}}
        >
          <Form.Item name="name" label={t("committees.name")} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={Boolean(appointing)}
        title={t("committees.adminTitle", { name: appointing?.name ?? "" })}
        okText={t("committees.firstAdmin")}
        cancelText={t("common.cancel")}
        onOk={() => adminForm.submit()}
        onCancel={() => setAppointing(undefined)}
        destroyOnHidden
      >
        <Form
          form={adminForm}
          name="committeeAdmin"
          layout="vertical"
          onFinish={appoint}
          initialValues={{ language: "zh-CN" }}
        >
          <Form.Item name="personId" label={t("committees.personId")} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="name" label={t("admin.name")} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="email" label={t("admin.email")} rules={[{ required: true, type: "email" }]}>
            <Input />
          </Form.Item>
          <Form.Item name="language" label={t("committees.language")}>
            <Select
              options={[
                { value: "zh-CN", label: "中文" },
                { value: "en", label: "English" },
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={Boolean(invited)}
        title={invited?.committee.name}
        footer={null}
        destroyOnHidden
        onCancel={() => setInvited(undefined)}
      >
        {invited ? (
          <>
            <Alert
              role="status"
              type="success"
              showIcon
              message={t("committees.adminInvited", {
                name: invited.committee.name,
                person: invited.answer.personId,
                expiresAt: new Date(invited.answer.expiresAt).toLocaleString(locale),
              })}
            />
            <Typography.Paragraph copyable code data-testid="committee-invitation-link">
              {invited.answer.link}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t("admin.shownOnce")}</Typography.Paragraph>
          </>
        ) : null}
      </Modal>
    </Space>
  );
}
