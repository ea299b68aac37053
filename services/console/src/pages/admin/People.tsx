import type { components } from "@huiyin/client/types";
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Drawer,
  Form,
  Input,
  Modal,
  Popconfirm,
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
import { Delegations, Succession } from "./Delegations.tsx";
import { useProblem } from "./problem.tsx";

type Person = components["schemas"]["DirectoryPerson"];
type SuccessionResult = components["schemas"]["SuccessionResult"];

interface Account {
  personId: string;
  hasPassword: boolean;
  disabledAt: string | null;
  lockedAt: string | null;
}

/** What an account's state reads as; a person without a row was never invited. */
function stateOf(account: Account | undefined): { key: MessageKey; color?: string } {
  if (!account) return { key: "admin.account.none" };
  if (account.disabledAt) return { key: "admin.account.disabled", color: "default" };
  if (account.lockedAt) return { key: "admin.account.locked", color: "red" };
  if (!account.hasPassword) return { key: "admin.account.invited", color: "magenta" };
  return { key: "admin.account.active", color: "blue" };
}

/** A phone number as the list shows it: its last four digits only (the full number is personal data). */
export function maskedPhone(phone: string | null | undefined): string {
  return phone ? `***${phone.slice(-4)}` : "";
}

interface PersonForm {
  id: string;
  name: string;
  email: string;
  phone?: string;
  clearPhone?: boolean;
  role?: string;
}

/**
 * People of the directory with their account: add or replace a person (with a first role), invite them (the link
 * shown this once; e-mailed too when the deployment sends e-mail), disable and enable their sign-in, lift a lockout;
 * a person's delegations (Delegations.tsx), and a leaver's handover to a successor with what moves shown first.
 */
export function People() {
  const { t, locale } = useLocale();
  const problem = useProblem();
  const people = useLoad(() => api.GET("/v1/directory/people", { params: { query: { limit: 200 } } }), []);
  const accounts = useLoad(() => api.GET("/v1/accounts"), []);
  const [invitation, setInvitation] = useState<{
    name: string;
    link: string;
    expiresAt: string;
    emailedTo?: string | null;
  }>();
  const [form] = Form.useForm<PersonForm>();
  const [editing, setEditing] = useState<Person>();
  const [delegating, setDelegating] = useState<Person>();
  const [leaving, setLeaving] = useState<Person>();
  const [handedOver, setHandedOver] = useState<SuccessionResult>();
  const byPerson = new Map((accounts.data?.items ?? []).map((account) => [account.personId, account]));

  const invite = async (id: string, name: string) => {
    problem.clear();
    const { data, error, response } = await api.POST("/v1/people/{id}/invitations", {
      params: { path: { id } },
    });
    if (problem.report(error, response.status) || !data) return;
    setInvitation({ name, ...data });
    accounts.reload();
  };
  const change = async (id: string, action: "disable" | "enable" | "unlock") => {
    problem.clear();
    const options = { params: { path: { id } } };
    const { error, response } =
      action === "disable"
        ? await api.POST("/v1/people/{id}/disable", options)
        : action === "enable"
          ? await api.POST("/v1/people/{id}/enable", options)
          : await api.POST("/v1/people/{id}/unlock", options);
    problem.report(error, response.status);
    accounts.reload();
  };
  const add = async (values: PersonForm) => {
    problem.clear();
    // Saving replaces the person: an empty phone field keeps the number they have (it is never put back into the
    // form, only its last digits shown), unless the admin asks to remove it.
    const existing = people.data?.items.find((person) => person.id === values.id);
    const phone = values.phone?.trim() || (values.clearPhone ? null : (existing?.phone ?? null));
    // A person keeps the language they have (it is theirs, not the console's of the admin editing them); a new one
    // gets the admin's.
    const language = existing?.language ?? (locale === "en" ? "en" : "zh-CN");
    const put = await api.PUT("/v1/directory/people/{id}", {
      params: { path: { id: values.id } },
      body: { name: values.name, email: values.email, phone, language },
    });
    if (problem.report(put.error, put.response.status)) return;
    if (values.role) {
      const role = await api.PUT("/v1/directory/roles/{label}/people/{personId}", {
        params: { path: { label: values.role, personId: values.id } },
      });
      if (problem.report(role.error, role.response.status)) return;
    }
    form.resetFields();
    setEditing(undefined);
    people.reload();
  };
  const edit = (person: Person) => {
    setEditing(person);
    form.setFieldsValue({ id: person.id, name: person.name, email: person.email ?? "", phone: "", clearPhone: false });
  };

  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {problem.shown}
      {handedOver ? (
        <Alert
          role="status"
          type="success"
          showIcon
          closable
          onClose={() => setHandedOver(undefined)}
          message={t("admin.successionDone", {
            roles: handedOver.roles.length,
            units: handedOver.headOf.length,
            notices: handedOver.openNotices.length,
            delegations: handedOver.delegationsRevoked,
          })}
        />
      ) : null}
      <Refusal error={people.error ?? accounts.error} />
      <Card size="small" title={t("admin.addPerson")}>
        <Form form={form} name="person" layout="inline" onFinish={add}>
          <Form.Item name="id" label={t("admin.id")} rules={[{ required: true }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="name" label={t("admin.name")} rules={[{ required: true }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="email" label={t("admin.email")} rules={[{ required: true, type: "email" }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="phone" label={t("admin.phone")} tooltip={editing?.phone ? t("admin.phoneKeep") : undefined}>
            <Input
              style={{ width: 150 }}
              inputMode="tel"
              autoComplete="off"
              placeholder={editing?.phone ? maskedPhone(editing.phone) : "13800138000"}
            />
          </Form.Item>
          {editing?.phone ? (
            <Form.Item name="clearPhone" valuePropName="checked">
              <Checkbox>{t("admin.phoneClear")}</Checkbox>
            </Form.Item>
          ) : null}
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
        scroll={{ x: "max-content" }}
        columns={[
          { title: t("admin.id"), dataIndex: "id", responsive: ["md"] },
          { title: t("admin.name"), dataIndex: "name" },
          { title: t("admin.email"), dataIndex: "email", responsive: ["md"] },
          {
            title: t("admin.phone"),
            dataIndex: "phone",
            responsive: ["md"],
            render: (phone: string | null) => <span data-testid="phone">{maskedPhone(phone)}</span>,
          },
          {
            title: t("admin.role"),
            dataIndex: "roles",
            responsive: ["sm"],
            render: (roles: string[]) => roles.map((role) => <Tag key={role}>{role}</Tag>),
          },
          {
            title: t("admin.status"),
            key: "account",
            render: (_: unknown, person: { id: string }) => {
              const state = stateOf(byPerson.get(person.id));
              return (
                <Tag color={state.color} data-testid={`account-${person.id}`}>
                  {t(state.key)}
                </Tag>
              );
            },
          },
          {
            title: t("admin.actions"),
            key: "actions",
            render: (_: unknown, person: Person) => {
              const account = byPerson.get(person.id);
              return (
                <Space size="small" wrap>
                  <Button size="small" onClick={() => edit(person)} aria-label={`${t("admin.edit")} ${person.name}`}>
                    {t("admin.edit")}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => setDelegating(person)}
                    aria-label={`${t("admin.delegations")} ${person.name}`}
                  >
                    {t("admin.delegations")}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => setLeaving(person)}
                    aria-label={`${t("admin.succession")} ${person.name}`}
                  >
                    {t("admin.succession")}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => invite(person.id, person.name)}
                    aria-label={`${t("admin.invite")} ${person.name}`}
                  >
                    {t("admin.invite")}
                  </Button>
                  {account?.lockedAt ? (
                    <Button
                      size="small"
                      onClick={() => change(person.id, "unlock")}
                      aria-label={`${t("admin.unlock")} ${person.name}`}
                    >
                      {t("admin.unlock")}
                    </Button>
                  ) : null}
                  {account && !account.disabledAt ? (
                    // Disabling signs the person out at once: asked first.
                    <Popconfirm
                      title={t("admin.disableConfirm", { name: person.name })}
                      okText={t("admin.disable")}
                      okButtonProps={{ danger: true }}
                      cancelText={t("common.cancel")}
                      onConfirm={() => change(person.id, "disable")}
                    >
                      <Button size="small" danger aria-label={`${t("admin.disable")} ${person.name}`}>
                        {t("admin.disable")}
                      </Button>
                    </Popconfirm>
                  ) : null}
                  {account?.disabledAt ? (
                    <Button
                      size="small"
                      onClick={() => change(person.id, "enable")}
                      aria-label={`${t("admin.enable")} ${person.name}`}
                    >
                      {t("admin.enable")}
                    </Button>
                  ) : null}
                </Space>
              );
            },
          },
        ]}
      />
      <Drawer
        open={Boolean(delegating)}
        title={delegating ? t("admin.delegationsOf", { name: delegating.name }) : ""}
        size="large"
        destroyOnHidden
        onClose={() => setDelegating(undefined)}
      >
        {delegating ? <Delegations person={delegating} people={people.data?.items ?? []} /> : null}
      </Drawer>
      <Modal
        open={Boolean(leaving)}
        title={leaving ? t("admin.successionOf", { name: leaving.name }) : ""}
        footer={null}
        destroyOnHidden
        onCancel={() => setLeaving(undefined)}
      >
        {leaving ? (
          <Succession
            person={leaving}
            people={people.data?.items ?? []}
            onDone={(result) => {
              setLeaving(undefined);
              setHandedOver(result);
              people.reload();
              accounts.reload();
            }}
          />
        ) : null}
      </Modal>
      <Modal
        open={Boolean(invitation)}
        title={invitation?.name}
        footer={null}
        destroyOnHidden
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
        <Typography.Paragraph type="secondary">
          {invitation?.emailedTo
            ? t("admin.inviteEmailed", { email: invitation.emailedTo })
            : t("admin.inviteNotEmailed")}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t("admin.shownOnce")}</Typography.Paragraph>
      </Modal>
    </Space>
  );
}
