import { Button, Card, Form, Input, Popconfirm, Space, Table } from "antd";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/use-load.ts";
import { Refusal } from "../../components/refusal.tsx";
import { useLocale } from "../../i18n/locale.tsx";
import { useProblem } from "./problem.tsx";

interface UnitForm {
  id: string;
  name: string;
  headPersonId?: string;
  supervisorLeaderId?: string;
}

/** The handling units: name, head (escalation level 1) and supervising leader; save (create or replace), delete. */
export function Units() {
  const { t } = useLocale();
  const problem = useProblem();
  const units = useLoad(() => api.GET("/v1/directory/units", { params: { query: { limit: 200 } } }), []);
  const [form] = Form.useForm<UnitForm>();
  const save = async (values: UnitForm) => {
    problem.clear();
    const { error, response } = await api.PUT("/v1/directory/units/{id}", {
      params: { path: { id: values.id } },
      body: {
        name: values.name,
        headPersonId: values.headPersonId || null,
        supervisorLeaderId: values.supervisorLeaderId || null,
      },
    });
    if (problem.report(error, response.status)) return;
    form.resetFields();
    units.reload();
  };
  const remove = async (id: string) => {
    problem.clear();
    const { error, response } = await api.DELETE("/v1/directory/units/{id}", { params: { path: { id } } });
    problem.report(error, response.status);
    units.reload();
  };
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {problem.shown}
      <Refusal error={units.error} />
      <Card size="small" title={t("admin.saveUnit")}>
        <Form form={form} name="unit" layout="inline" onFinish={save}>
          <Form.Item name="id" label={t("admin.id")} rules={[{ required: true }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="name" label={t("admin.unitName")} rules={[{ required: true }]}>
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="headPersonId" label={t("admin.unitHead")}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="supervisorLeaderId" label={t("admin.supervisor")}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Button htmlType="submit">{t("common.save")}</Button>
        </Form>
      </Card>
      <Table
        rowKey="id"
        size="small"
        loading={units.loading}
        dataSource={units.data?.items ?? []}
        pagination={false}
        scroll={{ x: "max-content" }}
        onRow={(unit) => ({ onDoubleClick: () => form.setFieldsValue(unitForm(unit)) })}
        columns={[
          { title: t("admin.id"), dataIndex: "id" },
          { title: t("admin.unitName"), dataIndex: "name" },
          { title: t("admin.unitHead"), dataIndex: "headPersonId", responsive: ["sm"] },
          { title: t("admin.supervisor"), dataIndex: "supervisorLeaderId", responsive: ["md"] },
          {
            title: t("admin.actions"),
            key: "actions",
            render: (_: unknown, unit: Parameters<typeof unitForm>[0]) => (
              <Space size="small" wrap>
                <Button
                  size="small"
                  onClick={() => form.setFieldsValue(unitForm(unit))}
                  aria-label={`${t("admin.edit")} ${unit.name}`}
                >
                  {t("admin.edit")}
                </Button>
                <Popconfirm title={t("admin.confirmDelete")} onConfirm={() => remove(unit.id)}>
                  <Button size="small" danger aria-label={`${t("admin.delete")} ${unit.name}`}>
                    {t("admin.delete")}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}

function unitForm(unit: {
  id: string;
  name: string;
  headPersonId: string | null;
  supervisorLeaderId: string | null;
}): UnitForm {
  return {
    id: unit.id,
    name: unit.name,
    headPersonId: unit.headPersonId ?? "",
    supervisorLeaderId: unit.supervisorLeaderId ?? "",
  };
}
