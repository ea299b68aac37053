import type { components } from "@huiyin/client/types";
import { Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag } from "antd";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/use-load.ts";
import { Refusal } from "../../components/refusal.tsx";
import { useLocale } from "../../i18n/locale.tsx";
import { useProblem } from "./problem.tsx";

type Robot = components["schemas"]["NotificationRobot"];
type Group = "unit" | "leader" | "committee";

interface RobotForm {
  group: Group;
  groupId?: string;
  kind: Robot["kind"];
  url: string;
  secret?: string;
}

/** `unit:<id>`, `leader:<id>` or `committee`: whose group a robot posts to, as the API names it. */
function targetOf(values: RobotForm): string {
  return values.group === "committee" ? "committee" : `${values.group}:${values.groupId ?? ""}`;
}

/**
 * The group robots (企业微信/政务微信, 钉钉) notices are posted to: one per group (a unit, a leader, the committee's
 * office) and kind. Setting one replaces it; its URL and secret are sealed by the API and never come back (the list
 * shows the URL without its key and whether a secret is set), so the secret is a password field that starts empty.
 */
export function NotificationRobots() {
  const { t } = useLocale();
  const problem = useProblem();
  const robots = useLoad(() => api.GET("/v1/notification-robots"), []);
  const [form] = Form.useForm<RobotForm>();
  const group = Form.useWatch("group", form);
  const save = async (values: RobotForm) => {
    problem.clear();
    const { error, response } = await api.PUT("/v1/notification-robots/{target}/{kind}", {
      params: { path: { target: targetOf(values), kind: values.kind } },
      body: { url: values.url, secret: values.secret || null },
    });
    if (problem.report(error, response.status)) return;
    form.resetFields();
    robots.reload();
  };
  const remove = async (robot: Robot) => {
    problem.clear();
    const { error, response } = await api.DELETE("/v1/notification-robots/{target}/{kind}", {
      params: { path: { target: robot.target, kind: robot.kind } },
    });
    problem.report(error, response.status);
    robots.reload();
  };
  const kindName = (kind: Robot["kind"]) => t(kind === "wecom" ? "admin.robot.wecom" : "admin.robot.dingtalk");
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {problem.shown}
      <Refusal error={robots.error} />
      <Card size="small" title={t("admin.robot.set")}>
        <Form
          form={form}
          name="robot"
          layout="inline"
          onFinish={save}
          initialValues={{ group: "unit", kind: "wecom" }}
          autoComplete="off"
        >
          <Form.Item name="group" label={t("admin.robot.group")} rules={[{ required: true }]}>
            <Select
              style={{ width: 140 }}
              aria-label={t("admin.robot.group")}
              options={[
                { value: "unit", label: t("admin.robot.group.unit") },
                { value: "leader", label: t("admin.robot.group.leader") },
                { value: "committee", label: t("admin.robot.group.committee") },
              ]}
            />
          </Form.Item>
          {group !== "committee" ? (
            <Form.Item name="groupId" label={t("admin.id")} rules={[{ required: true }]}>
              <Input style={{ width: 120 }} placeholder={group === "leader" ? "leader-1" : "u-1"} />
            </Form.Item>
          ) : null}
          <Form.Item name="kind" label={t("admin.robot.kind")} rules={[{ required: true }]}>
            <Select
              style={{ width: 160 }}
              aria-label={t("admin.robot.kind")}
              options={[
                { value: "wecom", label: t("admin.robot.wecom") },
                { value: "dingtalk", label: t("admin.robot.dingtalk") },
              ]}
            />
          </Form.Item>
          <Form.Item name="url" label={t("admin.robot.url")} rules={[{ required: true, type: "url" }]}>
            <Input style={{ width: 320 }} placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" />
          </Form.Item>
          <Form.Item name="secret" label={t("admin.robot.secret")} tooltip={t("admin.robot.secretHint")}>
            <Input.Password style={{ width: 200 }} autoComplete="new-password" />
          </Form.Item>
          <Button htmlType="submit">{t("common.save")}</Button>
        </Form>
      </Card>
      <Table
        rowKey="id"
        size="small"
        loading={robots.loading}
        dataSource={robots.data?.items ?? []}
        pagination={false}
        scroll={{ x: "max-content" }}
        columns={[
          { title: t("admin.robot.group"), dataIndex: "target" },
          { title: t("admin.robot.kind"), dataIndex: "kind", render: kindName },
          { title: t("admin.robot.url"), dataIndex: "url", responsive: ["md"] },
          {
            title: t("admin.robot.secret"),
            dataIndex: "signed",
            render: (signed: boolean) =>
              signed ? <Tag color="blue">{t("admin.robot.signed")}</Tag> : <Tag>{t("admin.robot.unsigned")}</Tag>,
          },
          {
            title: t("admin.actions"),
            key: "actions",
            render: (_: unknown, robot: Robot) => (
              <Popconfirm title={t("admin.confirmDelete")} onConfirm={() => remove(robot)}>
                <Button size="small" danger aria-label={`${t("admin.delete")} ${robot.target} ${kindName(robot.kind)}`}>
                  {t("admin.delete")}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Space>
  );
}
