import type { components } from "@huiyin/client/types";
import { Alert, Button, Card, Form, Input, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/use-load.ts";
import { Refusal } from "../../components/refusal.tsx";
import { useLocale } from "../../i18n/locale.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { useProblem } from "./problem.tsx";

type Delegation = components["schemas"]["Delegation"];
type Person = components["schemas"]["DirectoryPerson"];
type SuccessionResult = components["schemas"]["SuccessionResult"];

/** `2026-12-03T22:15` as a datetime-local field writes it, in the browser's time zone. */
function localInput(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Whether a delegation holds now, is still to come, or is over (ended early or by its period). */
/** The people one may pick to act for, or succeed, person `id`: everyone else, as "name (id)". */
function othersThan(people: readonly Person[], id: string) {
  return people
    .filter((candidate) => candidate.id !== id)
    .map((candidate) => ({ value: candidate.id, label: `${candidate.name} (${candidate.id})` }));
}

function stateOf(delegation: Delegation, now: Date): { key: MessageKey; color?: string } {
  if (delegation.active) return { key: "admin.delegation.active", color: "blue" };
  if (!delegation.revokedAt && new Date(delegation.from) > now)
    return { key: "admin.delegation.upcoming", color: "magenta" };
  return { key: "admin.delegation.ended" };
}

/**
 * A person's delegations (given and received), a new one (to whom, the period, optionally which roles), and ending
 * one early. The API keeps who acted for whom under which delegation in each proposal's history.
 */
export function Delegations({ person, people }: { person: Person; people: readonly Person[] }) {
  const { t, locale } = useLocale();
  const problem = useProblem();
  const list = useLoad(
    () => api.GET("/v1/people/{id}/delegations", { params: { path: { id: person.id } } }),
    [person.id],
  );
  const [form] = Form.useForm<{ delegateId: string; from: string; until: string; roles: string[]; reason?: string }>();
  const now = new Date();
  const nameOf = (id: string) => people.find((candidate) => candidate.id === id)?.name ?? id;
  const at = (value: string) => new Date(value).toLocaleString(locale);

  const create = async (values: {
    delegateId: string;
    from: string;
    until: string;
    roles?: string[];
    reason?: string;
  }) => {
    problem.clear();
    const { error, response } = await api.POST("/v1/people/{id}/delegations", {
      params: { path: { id: person.id } },
      body: {
        delegateId: values.delegateId,
        from: new Date(values.from).toISOString(),
        until: new Date(values.until).toISOString(),
        roles: values.roles ?? [],
        ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
      },
    });
    if (problem.report(error, response.status)) return;
    form.resetFields();
    list.reload();
  };
  const end = async (delegation: Delegation) => {
    problem.clear();
    const { error, response } = await api.POST("/v1/people/{id}/delegations/{delegationId}/revoke", {
      params: { path: { id: person.id, delegationId: delegation.id } },
    });
    problem.report(error, response.status);
    list.reload();
  };

  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {problem.shown}
      <Refusal error={list.error} />
      <Card size="small" title={t("admin.createDelegation")}>
        <Form
          form={form}
          name="delegation"
          layout="vertical"
          onFinish={create}
          initialValues={{
            from: localInput(now),
            until: localInput(new Date(now.getTime() + 7 * 24 * 3_600_000)),
            roles: [],
          }}
        >
          <Form.Item name="delegateId" label={t("admin.delegate")} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={othersThan(people, person.id)} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="from" label={t("admin.from")} rules={[{ required: true }]}>
              <Input type="datetime-local" />
            </Form.Item>
            <Form.Item name="until" label={t("admin.until")} rules={[{ required: true }]}>
              <Input type="datetime-local" />
            </Form.Item>
          </Space>
          <Form.Item name="roles" label={t("admin.delegationRoles")} extra={t("admin.delegationRolesHelp")}>
            <Select
              mode="tags"
              options={person.roles.filter((role) => role !== "admin").map((role) => ({ value: role, label: role }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t("admin.reason")}>
            <Input maxLength={500} />
          </Form.Item>
          <Button htmlType="submit" type="primary">
            {t("admin.createDelegation")}
          </Button>
        </Form>
      </Card>
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t("admin.noDelegations") }}
        scroll={{ x: "max-content" }}
        columns={[
          { title: t("admin.delegator"), dataIndex: "delegatorId", render: nameOf },
          { title: t("admin.delegate"), dataIndex: "delegateId", render: nameOf },
          {
            title: t("admin.period"),
            key: "period",
            render: (_: unknown, delegation: Delegation) => `${at(delegation.from)} – ${at(delegation.until)}`,
          },
          {
            title: t("admin.delegationRoles"),
            dataIndex: "roles",
            responsive: ["md"],
            render: (roles: string[]) => roles.map((role) => <Tag key={role}>{role}</Tag>),
          },
          { title: t("admin.reason"), dataIndex: "reason", responsive: ["lg"] },
          {
            title: t("admin.status"),
            key: "state",
            render: (_: unknown, delegation: Delegation) => {
              const state = stateOf(delegation, now);
              return (
                <Tag color={state.color} data-testid={`delegation-${delegation.delegateId}`}>
                  {t(state.key)}
                </Tag>
              );
            },
          },
          {
            title: t("admin.actions"),
            key: "actions",
            render: (_: unknown, delegation: Delegation) =>
              delegation.revokedAt || new Date(delegation.until) <= now ? null : (
                <Popconfirm
                  title={t("admin.confirmEndDelegation")}
                  okText={t("admin.endDelegation")}
                  cancelText={t("common.cancel")}
                  onConfirm={() => end(delegation)}
                >
                  <Button
                    size="small"
                    danger
                    aria-label={`${t("admin.endDelegation")} ${nameOf(delegation.delegateId)}`}
                  >
                    {t("admin.endDelegation")}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Space>
  );
}

/**
 * A leaver's handover: what moves (the directory roles but proposer, the units they head: exactly what
 * POST /v1/people/:id/succession moves, read from the directory before the admin confirms; the unacknowledged
 * notices of those roles move with them), to whom, and whether the leaver's account is disabled.
 */
export function Succession({
  person,
  people,
  onDone,
}: {
  person: Person;
  people: readonly Person[];
  onDone(result: SuccessionResult): void;
}) {
  const { t } = useLocale();
  const problem = useProblem();
  const [form] = Form.useForm<{ successorId: string; account: "disable" | "keep"; reason?: string }>();
  const [confirming, setConfirming] = useState(false);
  const moving = person.roles.filter((role) => role !== "proposer" && !role.startsWith("proposer:"));
  const submit = async (values: { successorId: string; account: "disable" | "keep"; reason?: string }) => {
    problem.clear();
    const { data, error, response } = await api.POST("/v1/people/{id}/succession", {
      params: { path: { id: person.id } },
      body: {
        successorId: values.successorId,
        account: values.account,
        ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
      },
    });
    setConfirming(false);
    if (problem.report(error, response.status) || !data) return;
    onDone(data);
  };
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {problem.shown}
      <Alert
        type="info"
        showIcon
        data-testid="succession-preview"
        message={t("admin.successionPreview")}
        description={
          <>
            {moving.length + person.headOf.length === 0 ? <div>{t("admin.successionNothing")}</div> : null}
            {moving.length > 0 ? <div>{t("admin.successionRoles", { roles: moving.join("、") })}</div> : null}
            {person.headOf.length > 0 ? (
              <div>{t("admin.successionUnits", { units: person.headOf.join("、") })}</div>
            ) : null}
            <Typography.Text type="secondary">{t("admin.successionAlso")}</Typography.Text>
          </>
        }
      />
      <Form form={form} name="succession" layout="vertical" onFinish={submit} initialValues={{ account: "keep" }}>
        <Form.Item name="successorId" label={t("admin.successor")} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={othersThan(people, person.id)} />
        </Form.Item>
        <Form.Item name="account" label={t("admin.leaverAccount")}>
          <Radio.Group
            options={[
              { value: "keep", label: t("admin.accountKeep") },
              { value: "disable", label: t("admin.accountDisable") },
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" label={t("admin.reason")}>
          <Input maxLength={500} />
        </Form.Item>
        <Popconfirm
          open={confirming}
          title={t("admin.confirmSuccession")}
          okText={t("admin.succession")}
          okButtonProps={{ danger: true }}
          cancelText={t("common.cancel")}
          onConfirm={() => form.submit()}
          onCancel={() => setConfirming(false)}
        >
          <Button
            danger
            onClick={async () => {
              // The fields first: the confirmation asks about a handover that can be sent.
              await form.validateFields();
              setConfirming(true);
            }}
          >
            {t("admin.succession")}
          </Button>
        </Popconfirm>
      </Form>
    </Space>
  );
}
