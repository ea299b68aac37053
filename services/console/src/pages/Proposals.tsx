import type { components } from "@huiyin/client/types";
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { api, call, isApiError } from "../api/client.ts";
import { useLoad } from "../api/use-load.ts";
import { Refusal, useRefusalText } from "../components/refusal.tsx";
import { useLocale } from "../i18n/locale.tsx";
import { Link, navigate } from "../router.tsx";
import { hasRole, useSession } from "../session.tsx";
import { ExportLinks } from "./ExportLinks.tsx";

type Summary = components["schemas"]["ProposalListItem"];
const STAGES = ["submit", "review", "assign", "handle", "supervise", "evaluate", "closed"] as const;
const PAGE_SIZE = 50;

/** `POST /v1/batches`: one event applied to many proposals, each in its own transaction, with a result per item. */
interface BatchResult {
  id: string;
  status: string;
  total: number;
  counts: { applied: number; refused: number; notFound: number };
  items: { proposalId: string; outcome: "applied" | "refused" | "not_found"; code?: string; message?: string }[];
}

type BulkKind = "register" | "assign" | "accept";

interface Filters {
  q?: string;
  stage?: string;
  unit?: string;
  key?: boolean;
  overdue?: boolean;
  /**
   * Any other parameter of GET /v1/proposals, kept as given: the figure filters a dashboard link carries
   * (`repliedLate=true&unit=water&session=…`), so that a figure opens exactly the proposals behind it.
   */
  more?: Record<string, string>;
}

const OWN_PARAMS = new Set(["q", "stage", "unit", "key", "overdue", "cursor", "limit"]);

/** A filter as the list's query string (what a saved filter keeps), and back. */
export function queryOf(filters: Filters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.stage) params.set("stage", filters.stage);
  if (filters.unit) params.set("unit", filters.unit);
  if (filters.key) params.set("key", "true");
  if (filters.overdue) params.set("overdue", "true");
  for (const [name, value] of Object.entries(filters.more ?? {})) params.set(name, value);
  return params.toString();
}

function filtersOf(query: string): Filters {
  const params = new URLSearchParams(query);
  const filters: Filters = {};
  const q = params.get("q");
  const stage = params.get("stage");
  const unit = params.get("unit");
  if (q) filters.q = q;
  if (stage) filters.stage = stage;
  if (unit) filters.unit = unit;
  if (params.get("key") === "true") filters.key = true;
  if (params.get("overdue") === "true") filters.overdue = true;
  const more = [...params].filter(([name]) => !OWN_PARAMS.has(name));
  if (more.length > 0) filters.more = Object.fromEntries(more);
  return filters;
}

/** The list with the API's filters, search on title and number, saved filters, pages by cursor, bulk actions. */
export function ProposalsPage() {
  const { t, tx, locale } = useLocale();
  const { session } = useSession();
  // The address's query is the first filter: a dashboard figure links here with the filters behind it.
  const [filters, setFilters] = useState<Filters>(() => filtersOf(window.location.search));
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState<BulkKind>();
  const [result, setResult] = useState<BatchResult>();
  const list = useLoad(
    () =>
      api.GET("/v1/proposals", {
        params: {
          query: {
            limit: PAGE_SIZE,
            ...(filters.q ? { q: filters.q } : {}),
            ...(filters.stage ? { stage: filters.stage } : {}),
            ...(filters.unit ? { unit: filters.unit } : {}),
            ...(filters.key ? { key: "true" as const } : {}),
            ...(filters.overdue ? { overdue: "true" as const } : {}),
            ...(cursor ? { cursor } : {}),
            // Validated by the API like any parameter: an unknown one is a 400 shown as a refusal.
            ...((filters.more ?? {}) as Record<string, never>),
          },
        },
      }),
    [filters, cursor],
  );
  const staff = hasRole(session, "staff", "admin");
  const [form] = Form.useForm<Filters>();
  const startBulk = (kind: BulkKind) => {
    setResult(undefined); // the result shown is always the last action's
    setBulk(kind);
  };
  const columns = useMemo(
    () => [
      {
        title: t("proposals.colNumber"),
        dataIndex: "numberLabel",
        render: (label: string | null) => label ?? "—",
        responsive: ["sm" as const],
      },
      {
        title: t("proposals.colTitle"),
        dataIndex: "title",
        render: (title: string, row: Summary) => <Link to={`/proposals/${encodeURIComponent(row.id)}`}>{title}</Link>,
      },
      {
        title: t("proposals.colProposer"),
        dataIndex: "proposers",
        // Names from the list's answer; an id the directory does not know shows as the id.
        render: (proposers: Summary["proposers"]) => proposers.map((entry) => entry.name ?? entry.id).join("、"),
        responsive: ["md" as const],
      },
      {
        title: t("proposals.colUnits"),
        dataIndex: "units",
        render: (units: Summary["units"]) => units.map((entry) => entry.name ?? entry.id).join("、"),
        responsive: ["md" as const],
      },
      {
        title: t("proposals.colStage"),
        dataIndex: "stage",
        render: (stage: string, row: Summary) => (
          <Space size={4}>
            <Tag>{tx(`stage.${stage}`, stage)}</Tag>
            {row.isKey ? <Tag color="magenta">{t("proposals.isKey")}</Tag> : null}
          </Space>
        ),
      },
      {
        title: t("proposals.colNextDue"),
        dataIndex: "nextDueAt",
        render: (at: string | null) => (at ? new Date(at).toLocaleDateString(locale) : t("proposals.noDeadline")),
        responsive: ["lg" as const],
      },
      {
        title: t("proposals.colOverdue"),
        dataIndex: "overdue",
        render: (overdue: boolean) => (overdue ? <Tag color="red">{t("proposals.isOverdue")}</Tag> : null),
      },
    ],
    [t, tx, locale],
  );
  const search = (next: Filters) => {
    setFilters(next);
    setCursors([undefined]);
    setSelected([]);
  };
  const open = (query: string) => {
    const next = filtersOf(query);
    form.resetFields();
    form.setFieldsValue(next);
    search(next);
  };
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size="middle">
      <Space wrap align="center" style={{ justifyContent: "space-between", width: "100%" }}>
        <Typography.Title level={2}>{t("proposals.title")}</Typography.Title>
        {/* Proposers write their own; staff enter one for a member (a paper submission). */}
        {hasRole(session, "proposer", "staff") ? (
          <Button type="primary" onClick={() => navigate("/proposals/new")}>
            {t("proposals.new")}
          </Button>
        ) : null}
      </Space>
      <Card>
        <Form
          form={form}
          initialValues={filters}
          name="filters"
          layout="inline"
          onFinish={(values: Filters) => search(values)}
          aria-label={t("proposals.search")}
        >
          <Form.Item name="q" label={t("proposals.search")}>
            <Input.Search allowClear onSearch={(q) => search({ ...filters, q })} style={{ maxWidth: 260 }} />
          </Form.Item>
          <Form.Item name="stage" label={t("proposals.stage")}>
            <Select
              allowClear
              style={{ width: 120 }}
              options={STAGES.map((stage) => ({ value: stage, label: tx(`stage.${stage}`, stage) }))}
              onChange={(stage: string | undefined) => search({ ...filters, stage })}
            />
          </Form.Item>
          <Form.Item name="unit" label={t("proposals.unit")}>
            <Input
              allowClear
              style={{ width: 140 }}
              onBlur={(event) => search({ ...filters, unit: event.target.value })}
            />
          </Form.Item>
          <Form.Item name="key" label={t("proposals.key")} valuePropName="checked">
            <Switch onChange={(key) => search({ ...filters, key })} />
          </Form.Item>
          <Form.Item name="overdue" label={t("proposals.overdue")} valuePropName="checked">
            <Switch onChange={(overdue) => search({ ...filters, overdue })} />
          </Form.Item>
        </Form>
        {filters.more ? (
          <Tag
            closable
            onClose={() => search({ ...filters, more: undefined })}
            style={{ marginTop: 8 }}
            aria-label={t("proposals.figureFilter")}
          >
            {t("proposals.figureFilter")}: {new URLSearchParams(filters.more).toString()}
          </Tag>
        ) : null}
        <SavedFilters current={queryOf(filters)} onOpen={open} />
      </Card>
      <ExportLinks query={queryOf(filters)} />
      {staff ? (
        <Space wrap>
          <Typography.Text>{t("proposals.selected", { count: selected.length })}</Typography.Text>
          <Button disabled={selected.length === 0} onClick={() => startBulk("register")}>
            {t("proposals.bulkRegister")}
          </Button>
          <Button disabled={selected.length === 0} onClick={() => startBulk("assign")}>
            {t("proposals.bulkAssign")}
          </Button>
          <Button disabled={selected.length === 0} onClick={() => startBulk("accept")}>
            {t("proposals.bulkAccept")}
          </Button>
        </Space>
      ) : null}
      {result ? <BatchOutcome result={result} onClose={() => setResult(undefined)} /> : null}
      <Refusal error={list.error} />
      <Table<Summary>
        rowKey="id"
        size="middle"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={false}
        rowSelection={
          staff ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) } : undefined
        }
      />
      <Space>
        {cursors.length > 1 ? <Button onClick={() => setCursors(cursors.slice(0, -1))}>‹</Button> : null}
        {list.data?.nextCursor ? (
          <Button onClick={() => setCursors([...cursors, list.data?.nextCursor ?? undefined])}>
            {t("proposals.more")}
          </Button>
        ) : null}
      </Space>
      {bulk ? (
        <BulkDialog
          kind={bulk}
          proposalIds={selected}
          onClose={() => setBulk(undefined)}
          onDone={(outcome) => {
            setBulk(undefined);
            setResult(outcome);
            setSelected([]);
            list.reload();
          }}
        />
      ) : null}
    </Space>
  );
}

/** The person's saved filters: open one, save the current filter under a name, delete the one open. */
function SavedFilters({ current, onOpen }: { current: string; onOpen(query: string): void }) {
  const { t } = useLocale();
  const refusalText = useRefusalText();
  const saved = useLoad(() => api.GET("/v1/saved-filters"), []);
  const [chosen, setChosen] = useState<string>();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string>();
  const items = saved.data?.items ?? [];
  const save = async () => {
    const { error } = await api.POST("/v1/saved-filters", { body: { name: name.trim(), query: current } });
    if (error) return setProblem(isApiError(error) ? refusalText(error) : String(error));
    setNaming(false);
    setName("");
    saved.reload();
  };
  const remove = async (id: string) => {
    const { error } = await api.DELETE("/v1/saved-filters/{id}", { params: { path: { id } } });
    if (error) return setProblem(isApiError(error) ? refusalText(error) : String(error));
    setChosen(undefined);
    saved.reload();
  };
  return (
    <Space wrap style={{ marginTop: 12 }}>
      <Select
        allowClear
        aria-label={t("proposals.savedFilters")}
        placeholder={t("proposals.savedFilters")}
        style={{ minWidth: 200 }}
        value={chosen}
        options={items.map((item) => ({ value: item.id, label: item.name }))}
        onChange={(id: string | undefined) => {
          setChosen(id);
          const filter = items.find((item) => item.id === id);
          onOpen(filter?.query ?? "");
        }}
      />
      <Button onClick={() => setNaming(true)} disabled={!current}>
        {t("proposals.saveFilter")}
      </Button>
      {chosen ? (
        <Button danger onClick={() => remove(chosen)}>
          {t("proposals.deleteFilter")}
        </Button>
      ) : null}
      {problem ? (
        <Alert type="error" role="alert" closable message={problem} onClose={() => setProblem(undefined)} />
      ) : null}
      <Modal
        open={naming}
        title={t("proposals.saveFilter")}
        onOk={save}
        okButtonProps={{ disabled: !name.trim() }}
        onCancel={() => setNaming(false)}
      >
        <Form
          layout="vertical"
          onFinish={() => {
            if (name.trim()) save();
          }}
        >
          <Form.Item label={t("proposals.filterName")} htmlFor="saved-filter-name">
            <Input
              id="saved-filter-name"
              value={name}
              maxLength={100}
              onChange={(event) => setName(event.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

function BulkDialog(props: {
  kind: BulkKind;
  proposalIds: string[];
  onClose(): void;
  onDone(result: BatchResult): void;
}) {
  const { t } = useLocale();
  const refusalText = useRefusalText();
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<string>();
  const title = {
    register: t("proposals.bulkRegister"),
    assign: t("proposals.bulkAssign"),
    accept: t("proposals.bulkAccept"),
  }[props.kind];
  const submit = async () => {
    const values = (await form.validateFields()) as { category?: string; unitId?: string };
    const event =
      props.kind === "register"
        ? { type: "review.register", category: values.category }
        : props.kind === "assign"
          ? { type: "assign", mode: "sole", units: [{ unitId: values.unitId, role: "lead" }] }
          : { type: "supervise.acceptReply" };
    const { status, data } = await call<BatchResult>("POST", "/v1/batches", { event, proposalIds: props.proposalIds });
    if (status === 200) props.onDone(data);
    else setProblem(isApiError(data) ? refusalText(data) : String(status));
  };
  return (
    <Modal open title={`${title} (${props.proposalIds.length})`} onOk={submit} onCancel={props.onClose}>
      {problem ? <Alert type="error" role="alert" message={problem} /> : null}
      {/* Enter in a field sends, as the dialog's OK button does. */}
      <Form form={form} name="bulk" layout="vertical" onFinish={submit}>
        {props.kind === "register" ? (
          <Form.Item name="category" label={t("proposals.bulkCategory")} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        ) : null}
        {props.kind === "assign" ? (
          <Form.Item name="unitId" label={t("proposals.bulkUnit")} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

function BatchOutcome({ result, onClose }: { result: BatchResult; onClose(): void }) {
  const { t } = useLocale();
  const refusalText = useRefusalText();
  const problems = result.items.filter((item) => item.outcome !== "applied");
  return (
    <Alert
      type={problems.length === 0 ? "success" : "warning"}
      role="status"
      closable
      onClose={onClose}
      message={<span data-testid="batch-result">{t("proposals.bulkResult", result.counts)}</span>}
      description={
        problems.length > 0 ? (
          <ul>
            {problems.map((item) => (
              <li key={item.proposalId}>
                {item.proposalId}:{" "}
                {item.code ? refusalText({ error: { code: item.code, message: item.message ?? "" } }) : item.outcome}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
