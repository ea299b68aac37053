import { Alert, Button, Card, Form, Input, Radio, Space, Table, Typography } from "antd";
import { useState } from "react";
import { type ApiError, isApiError, upload } from "../api/client.ts";
import { Refusal } from "../components/refusal.tsx";
import { useLocale } from "../i18n/locale.tsx";
import { hasRole, useSession } from "../session.tsx";

type Kind = "proposals" | "directory";

/** The answer of `POST /v1/imports/...`, dry or not. */
interface ImportAnswer {
  dryRun: boolean;
  rows: number;
  created: number;
  unchanged: number;
}

/** A bad row of a refused file (`IMPORT_INVALID`'s details.errors). */
interface RowError {
  line: number;
  column?: string;
  code: string;
  reason: string;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const countsOf = ({ rows, created, unchanged }: ImportAnswer) => ({ rows, created, unchanged });

function contentTypeOf(file: File): string {
  return file.name.toLowerCase().endsWith(".xlsx") ? XLSX : "text/csv";
}

/**
 * Files into huiyin (staff: proposals; admin: also the directory): a dry run first, which writes nothing and shows
 * the counts or every bad row with its line; then the import itself, offered only after a clean dry run of the same
 * file. The API refuses a file with any bad row as a whole, so a confirmed import never writes half a file.
 */
export function ImportsPage() {
  const { t } = useLocale();
  const { session } = useSession();
  const isAdmin = hasRole(session, "admin");
  const [kind, setKind] = useState<Kind>("proposals");
  const [source, setSource] = useState("previous-system");
  const [file, setFile] = useState<File>();
  const [checked, setChecked] = useState<ImportAnswer>();
  const [done, setDone] = useState<ImportAnswer>();
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const [problem, setProblem] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const reset = () => {
    setChecked(undefined);
    setDone(undefined);
    setRowErrors([]);
    setProblem(undefined);
  };
  const send = async (dryRun: boolean) => {
    if (!file) return;
    reset();
    setBusy(true);
    try {
      const params = new URLSearchParams({ dryRun: String(dryRun) });
      if (kind === "proposals") params.set("source", source);
      const { status, data } = await upload<ImportAnswer | ApiError>(
        `/v1/imports/${kind}?${params.toString()}`,
        file,
        contentTypeOf(file),
      );
      if (status === 200 && !isApiError(data)) {
        if (dryRun) setChecked(data);
        else setDone(data);
        return;
      }
      if (isApiError(data)) {
        setProblem(data);
        const details = data.error.details as { errors?: RowError[] } | undefined;
        setRowErrors(details?.errors ?? []);
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size="middle">
      <Typography.Title level={2}>{t("imports.title")}</Typography.Title>
      <Card>
        <Form layout="vertical" name="import">
          <Form.Item label={t("imports.kind")}>
            <Radio.Group
              aria-label={t("imports.kind")}
              value={kind}
              onChange={(event) => {
                setKind(event.target.value as Kind);
                reset();
              }}
              options={[
                { value: "proposals", label: t("imports.kindProposals") },
                ...(isAdmin ? [{ value: "directory", label: t("imports.kindDirectory") }] : []),
              ]}
            />
          </Form.Item>
          {kind === "proposals" ? (
            <Form.Item label={t("imports.source")} htmlFor="import-source">
              <Input
                id="import-source"
                value={source}
                maxLength={40}
                style={{ maxWidth: 240 }}
                onChange={(event) => {
                  setSource(event.target.value.trim());
                  reset();
                }}
              />
            </Form.Item>
          ) : null}
          <Form.Item label={t("imports.file")} htmlFor="import-file">
            <input
              id="import-file"
              type="file"
              accept=".csv,.xlsx,text/csv"
              onChange={(event) => {
                setFile(event.target.files?.[0]);
                reset();
              }}
            />
          </Form.Item>
          <Space wrap>
            <Button onClick={() => send(true)} disabled={!file} loading={busy && !checked}>
              {t("imports.dryRun")}
            </Button>
            <Button type="primary" onClick={() => send(false)} disabled={!checked || busy}>
              {t("imports.confirm")}
            </Button>
          </Space>
        </Form>
      </Card>
      {checked ? (
        <Alert
          type="info"
          role="status"
          message={<span data-testid="import-checked">{t("imports.rows", countsOf(checked))}</span>}
        />
      ) : null}
      {done ? (
        <Alert
          type="success"
          role="status"
          message={<span data-testid="import-done">{t("imports.done", countsOf(done))}</span>}
        />
      ) : null}
      <Refusal error={problem} />
      {rowErrors.length > 0 ? (
        <Card title={t("imports.errors")}>
          <Table<RowError>
            data-testid="import-errors"
            size="small"
            pagination={false}
            rowKey={(row) => `${row.line}:${row.column ?? ""}:${row.code}`}
            dataSource={rowErrors}
            columns={[
              { title: t("imports.line"), dataIndex: "line" },
              { title: t("imports.column"), dataIndex: "column", render: (column?: string) => column ?? "—" },
              { title: t("imports.code"), dataIndex: "code" },
              { title: t("imports.reason"), dataIndex: "reason" },
            ]}
          />
        </Card>
      ) : null}
    </Space>
  );
}
