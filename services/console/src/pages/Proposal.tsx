import type { components } from "@huiyin/client/types";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Empty,
  Form,
  List,
  Result,
  Row,
  Space,
  Steps,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { type ApiError, api, isApiError } from "../api/client.ts";
import { useLoad } from "../api/use-load.ts";
import { Refusal } from "../components/refusal.tsx";
import { type JsonSchema, SchemaFields, toBody } from "../components/schema-form.tsx";
import { Urgency } from "../components/urgency.tsx";
import { useLocale } from "../i18n/locale.tsx";
import { deadlineKindName, noticeKindName } from "../i18n/messages.ts";

type Proposal = components["schemas"]["Proposal"];
type Names = components["schemas"]["ProposalNames"];
const NO_NAMES: Names = { units: {}, people: {} };

/** 提·立·办·督·评: where each stage of the machine sits on the step bar (交办 belongs to 立). */
const STEP_OF_STAGE: Record<string, number> = {
  submit: 0,
  review: 1,
  assign: 1,
  handle: 2,
  supervise: 3,
  evaluate: 4,
  closed: 5,
};
const STEPS = ["submit", "review", "handle", "supervise", "evaluate"] as const;

/** The event schemas of the served OpenAPI document (`ProposalEvent`), read once: the forms are built from them. */
let eventSchemas: Promise<JsonSchema[]> | undefined;
function loadEventSchemas(): Promise<JsonSchema[]> {
  eventSchemas ??= fetch("/v1/openapi.json")
    .then((response) => response.json())
    .then((document: { components: { schemas: { ProposalEvent: { oneOf: JsonSchema[] } } } }) => {
      return document.components.schemas.ProposalEvent.oneOf;
    });
  return eventSchemas;
}

export function ProposalPage({ id }: { id: string }) {
  const { t, tx, locale } = useLocale();
  const proposal = useLoad(() => api.GET("/v1/proposals/{id}", { params: { path: { id } } }), [id]);
  const history = useLoad(
    () => api.GET("/v1/proposals/{id}/history", { params: { path: { id }, query: { limit: 200 } } }),
    [id, proposal.data?.version],
  );
  // Names, not ids: the directory's names of the units and people this page shows (what the viewer may see).
  const loadedNames = useLoad(
    () => api.GET("/v1/proposals/{id}/names", { params: { path: { id } } }),
    [id, proposal.data?.version],
  );
  const names = loadedNames.data ?? NO_NAMES;
  const unitName = (unitId: string) => names.units[unitId] ?? unitId;
  const personName = (personId: string) => names.people[personId] ?? personId;
  // Notices about this proposal waiting in the person's inbox (a leader's escalation): acknowledged right here.
  const notices = useLoad(
    () => api.GET("/v1/notifications", { params: { query: { proposalId: id, unacknowledged: "true" } } }),
    [id],
  );
  const acknowledge = async (...noticeIds: string[]) => {
    await Promise.all(
      noticeIds.map((noticeId) => api.POST("/v1/notifications/{id}/ack", { params: { path: { id: noticeId } } })),
    );
    notices.reload();
  };
  // An escalation stands alone (a leader acts on it); the other notices about the proposal (assignments, reminders,
  // a submission to review) are one banner with one acknowledgement: one banner each piled up above the content.
  const waiting = notices.data?.items ?? [];
  const escalations = waiting.filter((notice) => notice.kind === "deadline.escalation");
  const others = waiting.filter((notice) => notice.kind !== "deadline.escalation");
  const levelOf = (level: number) => (level > 0 ? ` · ${t("proposal.level", { level })}` : "");
  if (proposal.status === 404) {
    // The same words whether it does not exist or the person may not see it: the API answers both with 404.
    return <Result status="404" title={t("proposal.notFound")} data-testid="not-found" />;
  }
  if (proposal.error) return <Refusal error={proposal.error} />;
  const row = proposal.data;
  if (!row) return <Card loading />;
  const content = row.content as { title?: string; reasons?: string; suggestions?: string[]; category?: string };
  const step = STEP_OF_STAGE[row.stage] ?? 0;
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size="middle">
      <Typography.Title level={2}>{row.title}</Typography.Title>
      <Space wrap>
        <Tag>{row.id}</Tag>
        <Tag color="blue">{tx(`stage.${row.stage}`, row.stage)}</Tag>
        <Typography.Text type="secondary">{`${t("proposal.version")} ${row.version}`}</Typography.Text>
      </Space>
      {escalations.map((notice) => (
        <Alert
          key={notice.id}
          type="error"
          showIcon
          data-testid="proposal-notice"
          message={`${noticeKindName(locale, notice.kind)}${levelOf(notice.level)}`}
          action={
            <Button type="primary" onClick={() => acknowledge(notice.id)}>
              {t("inbox.acknowledge")}
            </Button>
          }
        />
      ))}
      {others.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="proposal-notices"
          message={t("proposal.otherNotices", { count: others.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {others.map((notice) => (
                <li key={notice.id}>
                  {`${noticeKindName(locale, notice.kind)}${levelOf(notice.level)} · ${new Date(notice.createdAt).toLocaleString(locale)}`}
                </li>
              ))}
            </ul>
          }
          action={
            <Button onClick={() => acknowledge(...others.map((notice) => notice.id))}>
              {others.length > 1 ? t("proposal.acknowledgeAll") : t("inbox.acknowledge")}
            </Button>
          }
        />
      ) : null}
      <Card>
        <Steps
          current={Math.min(step, STEPS.length - 1)}
          status={step >= STEPS.length ? "finish" : "process"}
          responsive
          items={STEPS.map((stage) => ({ title: tx(`step.${stage}`, stage) }))}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" style={{ width: "100%" }} size="middle">
            <Card title={t("proposal.content")}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t("proposal.category")}>
                  {categoryName(content.category ?? row.category ?? "", tx)}
                </Descriptions.Item>
                <Descriptions.Item label={t("proposal.proposers")}>
                  {row.proposers.map((proposer) => personName(proposer.id)).join("、")}
                </Descriptions.Item>
                <Descriptions.Item label={t("proposal.units")}>
                  {row.unitIds.map(unitName).join("、") || "—"}
                </Descriptions.Item>
              </Descriptions>
              {content.reasons ? (
                <>
                  <Typography.Title level={5}>{t("proposal.reasons")}</Typography.Title>
                  <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{content.reasons}</Typography.Paragraph>
                </>
              ) : null}
              {content.suggestions && content.suggestions.length > 0 ? (
                <>
                  <Typography.Title level={5}>{t("proposal.suggestions")}</Typography.Title>
                  <ol>
                    {content.suggestions.map((suggestion) => (
                      <li key={suggestion}>{suggestion}</li>
                    ))}
                  </ol>
                </>
              ) : null}
            </Card>
            <Card title={t("proposal.history")}>
              <Refusal error={history.error} />
              <Timeline
                items={(history.data?.items ?? []).map((entry) => ({
                  color: entry.type.startsWith("deadline.") ? "red" : "blue",
                  children: (
                    <div data-testid="history-entry">
                      <Typography.Text strong>{tx(`event.${entry.type}`, entry.type)}</Typography.Text>{" "}
                      <Typography.Text type="secondary">
                        {new Date(entry.at).toLocaleString(locale)} · {tx(`role.${entry.actor.role}`, entry.actor.role)}{" "}
                        {entry.actor.role === "system" ? "" : personName(entry.actor.id)}
                      </Typography.Text>
                      <Behalf actor={entry.actor} personName={personName} />
                      {entry.payloadHidden ? (
                        <div>
                          <Typography.Text type="secondary">{t("proposal.hidden")}</Typography.Text>
                        </div>
                      ) : (
                        <Payload payload={entry.payload} names={names} />
                      )}
                    </div>
                  ),
                }))}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" style={{ width: "100%" }} size="middle">
            <Card title={t("proposal.deadlines")}>
              {row.deadlines.length === 0 ? (
                <Typography.Text type="secondary">{t("proposal.noDeadlines")}</Typography.Text>
              ) : (
                <List
                  size="small"
                  dataSource={row.deadlines}
                  rowKey="deadlineId"
                  renderItem={(deadline) => (
                    <List.Item data-testid="deadline">
                      <Space orientation="vertical" size={0}>
                        <Typography.Text strong>
                          {deadlineKindName(locale, deadline.kind)}
                          {deadline.unitId ? ` · ${unitName(deadline.unitId)}` : ""}
                        </Typography.Text>
                        <Typography.Text type="secondary">
                          {new Date(deadline.dueAt).toLocaleString(locale)}
                        </Typography.Text>
                        <Space>
                          <Urgency overdue={deadline.overdue} workingDaysLeft={deadline.workingDaysLeft} />
                          {deadline.level > 0 ? (
                            <Tag color="red">{t("proposal.level", { level: deadline.level })}</Tag>
                          ) : null}
                        </Space>
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </Card>
            <Actions proposal={row} onApplied={proposal.reload} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

/** Who else stood behind an event (`actor.behalf`, issue 14), as the domain's actor schema records it. */
interface ActorBehalf {
  via?: { keyPrefix: string; personId: string };
  delegation?: { delegatorId: string; delegateId: string };
}

/**
 * Who acted for whom: a delegate acting with the delegator's role ("done by B for A (delegation)"), or an
 * integrator's key sending the event for a person ("for A through integrator hy_abc"). Nothing when nobody else
 * stood behind the event.
 */
function Behalf({ actor, personName }: { actor: Record<string, unknown>; personName(id: string): string }) {
  const { t } = useLocale();
  const behalf = actor.behalf as ActorBehalf | undefined;
  if (!behalf?.delegation && !behalf?.via) return null;
  const parts: string[] = [];
  if (behalf.delegation) {
    parts.push(
      t("behalf.by", { name: personName(behalf.delegation.delegateId) }),
      t("behalf.for", { name: personName(behalf.delegation.delegatorId) }),
      t("behalf.delegation"),
    );
  }
  if (behalf.via) {
    if (!behalf.delegation) parts.push(t("behalf.for", { name: personName(behalf.via.personId) }));
    parts.push(t("behalf.via", { key: behalf.via.keyPrefix }));
  }
  return (
    <div>
      <Typography.Text type="secondary" data-testid="history-behalf">
        {parts.join(" ")}
      </Typography.Text>
    </div>
  );
}

const HIDDEN_IN_HISTORY: ReadonlySet<string> = new Set(["type", "policy", "deadlineId", "attachmentIds", "alarmId"]);

/** A history entry's payload as label: value lines (what the API lets this viewer read). */
function Payload({ payload, names }: { payload: unknown; names: Names }) {
  const { tx } = useLocale();
  if (!payload || typeof payload !== "object") return null;
  // The policy a proposal was created under is configuration, and a timer's deadline id and the files' ids are the
  // machine's references (the deadline is named by the event, the files are listed with the proposal): nothing a
  // person reads in its history.
  const entries = Object.entries(payload as Record<string, unknown>).filter(([name]) => !HIDDEN_IN_HISTORY.has(name));
  if (entries.length === 0) return null;
  return (
    <dl style={{ margin: "4px 0 0" }}>
      {entries.map(([name, value]) => (
        <div key={name}>
          <dt style={{ display: "inline" }}>
            <Typography.Text type="secondary">{tx(`field.${name}`, name)}: </Typography.Text>
          </dt>
          <dd style={{ display: "inline", margin: 0, whiteSpace: "pre-wrap" }}>{shown(value, tx, names, name)}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A payload value in words, never as JSON: a code the catalogs name (a mode, a grade, a result) in the reader's
 * language, a unit with its role, a person or member by name where the payload has one, a list joined, an object
 * (the submitted content) as its fields.
 */
function shown(value: unknown, tx: Tx, names: Names, key?: string): string {
  if (typeof value === "string") {
    if (key === "unitId" || key === "fromUnitId" || key === "toUnitId") return names.units[value] ?? value;
    if (key === "leaderId" || key === "personId" || key === "memberId") return names.people[value] ?? value;
    if (key === "category") return categoryName(value, tx);
    // An instant (a contact's time) as the reader's clock and language write it.
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value))) {
      return new Date(value).toLocaleString(document.documentElement.lang || undefined);
    }
    return tx(`value.${value}`, value);
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map((item) => shown(item, tx, names, key)).join("、");
  if (value && typeof value === "object") {
    const item = value as Record<string, unknown>;
    if (typeof item.unitId === "string") {
      const unit = names.units[item.unitId] ?? item.unitId;
      return typeof item.role === "string" ? `${unit}（${shown(item.role, tx, names)}）` : unit;
    }
    if (typeof item.id === "string" && names.people[item.id]) return names.people[item.id] ?? item.id;
    if (typeof item.name === "string") return item.name;
    if (typeof item.id === "string") return item.id;
    return Object.entries(item)
      .map(([name, inner]) => `${tx(`field.${name}`, name)}: ${shown(inner, tx, names, name)}`)
      .join("\n");
  }
  return "";
}

type Tx = (key: string, fallback: string) => string;

/** A category in words where the catalog names its code (categories are free text per committee: else as written). */
function categoryName(code: string, tx: Tx): string {
  return tx(`category.${code}`, code);
}

/** One form per event the person may send now, generated from the event's schema in the served document. */
function Actions({ proposal, onApplied }: { proposal: Proposal; onApplied(): void }) {
  const { t, tx } = useLocale();
  const [schemas, setSchemas] = useState<JsonSchema[]>();
  useEffect(() => {
    loadEventSchemas().then(setSchemas, () => setSchemas([]));
  }, []);
  if (proposal.allowedEvents.length === 0) {
    return (
      <Card title={t("proposal.actions")}>
        <Empty description={t("proposal.noActions")} />
      </Card>
    );
  }
  return (
    <Card title={t("proposal.actions")}>
      <Collapse
        accordion
        items={proposal.allowedEvents.map((type) => {
          const schema = schemas?.find((candidate) => candidate.properties?.type?.const === type);
          return {
            key: type,
            label: <span data-testid={`action-${type}`}>{tx(`event.${type}`, type)}</span>,
            children: schema ? (
              <EventForm proposal={proposal} type={type} schema={schema} onApplied={onApplied} />
            ) : null,
          };
        })}
      />
    </Card>
  );
}

function EventForm(props: { proposal: Proposal; type: string; schema: JsonSchema; onApplied(): void }) {
  const { t, tx } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(undefined);
    const body = { ...((toBody(props.schema, values) as Record<string, unknown> | undefined) ?? {}), type: props.type };
    const { error: refusal, response } = await api
      .POST("/v1/proposals/{id}/events", {
        params: { path: { id: props.proposal.id }, header: { "If-Match": String(props.proposal.version) } },
        body: body as never,
      })
      .finally(() => setBusy(false));
    if (response.ok) {
      message.success(t("proposal.applied", { event: tx(`event.${props.type}`, props.type) }));
      form.resetFields();
      props.onApplied();
    } else {
      setError(
        isApiError(refusal) ? refusal : { error: { code: String(response.status), message: response.statusText } },
      );
    }
  };
  return (
    <Form
      form={form}
      name={`event-${props.type.replaceAll(".", "-")}`}
      layout="vertical"
      onFinish={submit}
      aria-label={tx(`event.${props.type}`, props.type)}
    >
      <SchemaFields schema={props.schema} />
      {error ? (
        <div style={{ marginBottom: 12 }}>
          <Refusal error={error} />
        </div>
      ) : null}
      <Button type="primary" htmlType="submit" loading={busy}>
        {tx(`event.${props.type}`, props.type)}
      </Button>
    </Form>
  );
}
