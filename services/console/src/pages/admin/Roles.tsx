import { Button, Card, Form, Input, Space, Table, Tag } from "antd";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/use-load.ts";
import { Refusal } from "../../components/refusal.tsx";
import { useLocale } from "../../i18n/locale.tsx";
import { useProblem } from "./problem.tsx";

/**
 * Role assignments as the escalation levels and permissions read them: a label (`staff`, `unit:u-1`, `leader:l-1`,
 * `proposer:m-1`, `admin`) and the people who hold it. Assign with the form, remove by closing a person's tag.
 */
export function Roles() {
  const { t } = useLocale();
  const problem = useProblem();
  const roles = useLoad(() => api.GET("/v1/directory/roles"), []);
  const [form] = Form.useForm<{ label: string; personId: string }>();
  const assign = async (values: { label: string; personId: string }) => {
    problem.clear();
    const { error, response } = await api.PUT("/v1/directory/roles/{label}/people/{personId}", {
      params: { path: { label: values.label.trim(), personId: values.personId.trim() } },
    });
    if (problem.report(error, response.status)) return;
    form.resetFields();
    roles.reload();
  };
  const unassign = async (label: string, personId: string) => {
    problem.clear();
    const { error, response } = await api.DELETE("/v1/directory/roles/{label}/people/{personId}", {
      params: { path: { label, personId } },
    });
    problem.report(error, response.status);
    roles.reload();
  };
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {problem.shown}
      <Refusal error={roles.error} />
      <Card size="small" title={t("admin.assignRole")}>
        <Form form={form} name="role" layout="inline" onFinish={assign}>
          <Form.Item name="label" label={t("admin.role")} rules={[{ required: true }]}>
            <Input placeholder="staff / unit:u-1 / leader:l-1" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="personId" label={t("admin.person")} rules={[{ required: true }]}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Button htmlType="submit">{t("admin.assign")}</Button>
        </Form>
      </Card>
      <Table
        rowKey="label"
        size="small"
        loading={roles.loading}
        dataSource={roles.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t("admin.role"), dataIndex: "label" },
          {
            title: t("admin.holders"),
            key: "people",
            render: (_: unknown, role: { label: string; personIds: string[] }) => (
              <Space size={[0, 4]} wrap>
                {role.personIds.map((personId) => (
                  <Tag key={personId}>
                    {personId}
                    <Button
                      type="text"
                      size="small"
                      aria-label={`${t("admin.unassign")} ${role.label} ${personId}`}
                      onClick={() => unassign(role.label, personId)}
                    >
                      ×
                    </Button>
                  </Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
