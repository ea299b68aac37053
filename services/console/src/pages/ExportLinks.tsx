import { Card, Input, Select, Space, Typography } from "antd";
import { useState } from "react";
import { api } from "../api/client.ts";
import { useLoad } from "../api/use-load.ts";
import { useLocale } from "../i18n/locale.tsx";
import { hasRole, useSession } from "../session.tsx";

/**
 * Files for the committee office (`GET /v1/exports/...`) as plain links: a GET with the session cookie (no CSRF
 * token needed for a read), which the browser downloads from the api's Content-Disposition. The current filter's
 * list for everyone; a unit's 交办清单 for its people and staff; the session's 提案汇编 for staff.
 */
export function ExportLinks({ query }: { query: string }) {
  const { t } = useLocale();
  const { session } = useSession();
  const staff = hasRole(session, "staff", "admin");
  const ownUnits = [...new Set((session?.roles ?? []).filter((r) => r.role === "unit").map((r) => r.scope))];
  const sessions = useLoad(() => api.GET("/v1/committee-sessions"), []);
  const [unitId, setUnitId] = useState<string>(ownUnits[0] ?? "");
  const [sessionId, setSessionId] = useState<string>();
  const sessionOptions = (sessions.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }));
  const chosenSession = sessionId ?? sessionOptions[0]?.value;
  const withQuery = (path: string, params: Record<string, string | undefined>) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
    return `${path}?${search.toString()}`;
  };
  const listHref = (format: string) => `/v1/exports/proposals?format=${format}${query ? `&${query}` : ""}`;
  return (
    <Card size="small" title={t("exports.title")}>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Space wrap>
          <Typography.Text>{t("exports.list")}:</Typography.Text>
          <a href={listHref("csv")} download data-testid="export-csv">
            {t("exports.csv")}
          </a>
          <a href={listHref("xlsx")} download data-testid="export-xlsx">
            {t("exports.xlsx")}
          </a>
        </Space>
        {staff || ownUnits.length > 0 ? (
          <Space wrap>
            <Typography.Text>{t("exports.assignments")}:</Typography.Text>
            {staff ? (
              <Input
                aria-label={t("exports.unit")}
                placeholder={t("exports.unit")}
                style={{ width: 140 }}
                value={unitId}
                onChange={(event) => setUnitId(event.target.value.trim())}
              />
            ) : (
              <Select
                aria-label={t("exports.unit")}
                style={{ minWidth: 140 }}
                value={unitId}
                options={ownUnits.map((unit) => ({ value: unit, label: unit }))}
                onChange={(unit: string) => setUnitId(unit)}
              />
            )}
            <Select
              allowClear
              aria-label={t("exports.session")}
              placeholder={t("exports.allSessions")}
              style={{ minWidth: 160 }}
              value={sessionId}
              options={sessionOptions}
              onChange={(id: string | undefined) => setSessionId(id)}
            />
            {unitId
              ? (["csv", "xlsx"] as const).map((format) => (
                  <a
                    key={format}
                    download
                    href={withQuery("/v1/exports/assignments", { unitId, sessionId, format })}
                    data-testid={`assignments-${format}`}
                  >
                    {t(`exports.${format}`)}
                  </a>
                ))
              : null}
          </Space>
        ) : null}
        {staff && chosenSession ? (
          <Space wrap>
            <Typography.Text>{t("exports.compilation")}:</Typography.Text>
            <Select
              aria-label={t("exports.session")}
              style={{ minWidth: 160 }}
              value={chosenSession}
              options={sessionOptions}
              onChange={(id: string) => setSessionId(id)}
            />
            <a
              href={withQuery("/v1/exports/compilation", { sessionId: chosenSession, format: "html" })}
              target="_blank"
              rel="noopener"
            >
              {t("exports.html")}
            </a>
            {(["csv", "xlsx"] as const).map((format) => (
              <a
                key={format}
                download
                href={withQuery("/v1/exports/compilation", { sessionId: chosenSession, format })}
                data-testid={`compilation-${format}`}
              >
                {t(`exports.${format}`)}
              </a>
            ))}
          </Space>
        ) : null}
      </Space>
    </Card>
  );
}
