import type { components } from "@huiyin/client/types";
import { Card, Col, Row, Select, Space, Statistic, Table, Typography } from "antd";
import { BarChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { api } from "../api/client.ts";
import { useLoad } from "../api/use-load.ts";
import { Refusal } from "../components/refusal.tsx";
import { useLocale } from "../i18n/locale.tsx";
import { Link } from "../router.tsx";

// Only the parts drawn here (bars, a pie, SVG): ECharts' modular build keeps the page's JavaScript small.
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Stats = components["schemas"]["Stats"];
type FigureRow = Stats["summary"];
type Figure = FigureRow["assigned"];
const GROUP_BYS = ["unit", "leader", "category", "proposerType", "sourceChannel", "session"] as const;
type GroupBy = (typeof GROUP_BYS)[number];

/** A count that opens the proposals behind it (the list with the figure's filters). */
function FigureLink({ figure }: { figure: Figure | undefined }) {
  if (!figure) return <>—</>;
  if (figure.list === null) return <>{figure.count}</>;
  return <Link to={`/proposals?${figure.list}`}>{figure.count}</Link>;
}

const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`);

/**
 * The statistics of GET /v1/stats: the session's (or everything's) rates as cards and a chart per group, each with
 * its numbers beside it (readable without the chart), and every number a link to the proposals behind it.
 */
export function DashboardPage() {
  const { t, tx } = useLocale();
  const [sessionId, setSessionId] = useState<string>();
  const [groupBy, setGroupBy] = useState<GroupBy>("unit");
  const sessions = useLoad(() => api.GET("/v1/committee-sessions"), []);
  const stats = useLoad(
    () => api.GET("/v1/stats", { params: { query: { groupBy, ...(sessionId ? { sessionId } : {}) } } }),
    [sessionId, groupBy],
  );
  const data = stats.data;
  const stages = Object.entries(data?.proposals.byStage ?? {}).map(([stage, count]) => ({
    name: tx(`stage.${stage}`, stage),
    value: count,
  }));
  const overdue = Object.entries(data?.overdueDeadlines.byUnit ?? {}).map(([unit, count]) => ({
    name: unit === "null" ? "—" : unit,
    value: count,
  }));
  // A unit by its directory name (the API gives it); other groups through the catalogs (categories, channels...).
  const nameOf = (row: FigureRow) =>
    row.key === null ? t("dashboard.none") : (row.name ?? tx(`${groupBy}.${row.key}`, row.key));
  const rows = data?.rows ?? [];
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size="middle">
      <Typography.Title level={2}>{t("dashboard.title")}</Typography.Title>
      <Space wrap>
        <Select
          aria-label={t("dashboard.session")}
          style={{ minWidth: 220 }}
          value={sessionId ?? ""}
          onChange={(value: string) => setSessionId(value || undefined)}
          options={[
            { value: "", label: t("dashboard.allSessions") },
            ...(sessions.data?.items ?? []).map((session) => ({ value: session.id, label: session.name })),
          ]}
        />
        <Select
          aria-label={t("dashboard.groupBy")}
          style={{ minWidth: 180 }}
          value={groupBy}
          onChange={(value: GroupBy) => setGroupBy(value)}
          options={GROUP_BYS.map((value) => ({ value, label: t(`dashboard.group.${value}`) }))}
        />
      </Space>
      <Refusal error={stats.error} />
      {data ? (
        <>
          <SummaryCards summary={data.summary} />
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title={t("dashboard.key")} value={data.proposals.key} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title={t("dashboard.overdue")} value={data.overdueDeadlines.total} />
              </Card>
            </Col>
          </Row>
          <Card title={t("dashboard.rates")}>
            <Row gutter={16}>
              <Col xs={24} lg={12}>
                <RatesChart
                  title={t("dashboard.rates")}
                  names={rows.map(nameOf)}
                  series={[
                    { name: t("dashboard.replyRate"), values: rows.map((row) => row.rates.replyRate) },
                    { name: t("dashboard.onTimeRate"), values: rows.map((row) => row.rates.onTimeRate) },
                    { name: t("dashboard.satisfactionRate"), values: rows.map((row) => row.rates.satisfactionRate) },
                  ]}
                />
              </Col>
              <Col xs={24} lg={12}>
                <Table
                  size="small"
                  pagination={false}
                  rowKey={(row) => String(row.key)}
                  dataSource={rows}
                  columns={[
                    { title: t("dashboard.col.key"), render: (_v, row: FigureRow) => nameOf(row) },
                    {
                      title: t("dashboard.replyRate"),
                      align: "right",
                      render: (_v, row: FigureRow) => percent(row.rates.replyRate),
                    },
                    {
                      title: t("dashboard.onTimeRate"),
                      align: "right",
                      render: (_v, row: FigureRow) => percent(row.rates.onTimeRate),
                    },
                    {
                      title: t("dashboard.satisfactionRate"),
                      align: "right",
                      render: (_v, row: FigureRow) => percent(row.rates.satisfactionRate),
                    },
                  ]}
                />
              </Col>
            </Row>
          </Card>
          <Card title={t("dashboard.table")}>
            <FigureTable rows={rows} nameOf={nameOf} unit={groupBy === "unit"} />
          </Card>
          <ChartCard title={t("dashboard.byStage")} rows={stages} kind="pie" />
          <ChartCard title={t("dashboard.overdueByUnit")} rows={overdue} kind="bar" />
        </>
      ) : null}
    </Space>
  );
}

/** The session summary: each figure a link to its proposals, the rates beside the counts they divide. */
function SummaryCards({ summary }: { summary: FigureRow }) {
  const { t } = useLocale();
  const card = (title: string, value: ReactNode) => (
    <Col xs={12} md={6} lg={4} key={title}>
      <Card size="small">
        <Statistic title={title} valueRender={() => value} />
      </Card>
    </Col>
  );
  return (
    <Row gutter={[16, 16]}>
      {card(t("dashboard.submitted"), <FigureLink figure={summary.submitted} />)}
      {card(t("dashboard.registered"), <FigureLink figure={summary.registered} />)}
      {card(t("dashboard.notRegistered"), <FigureLink figure={summary.notRegistered} />)}
      {card(t("dashboard.assigned"), <FigureLink figure={summary.assigned} />)}
      {card(t("dashboard.replied"), <FigureLink figure={summary.replied} />)}
      {card(t("dashboard.repliedOnTime"), <FigureLink figure={summary.repliedOnTime} />)}
      {card(t("dashboard.replyRate"), percent(summary.rates.replyRate))}
      {card(t("dashboard.onTimeRate"), percent(summary.rates.onTimeRate))}
      {card(t("dashboard.satisfactionRate"), percent(summary.rates.satisfactionRate))}
      {card(t("dashboard.ratings"), <FigureLink figure={summary.evaluations.rated} />)}
      {card(t("dashboard.rehandled"), <FigureLink figure={summary.rehandled} />)}
      {card(t("dashboard.overdueNow"), <FigureLink figure={summary.overdueNow} />)}
    </Row>
  );
}

function FigureTable(props: { rows: FigureRow[]; nameOf: (row: FigureRow) => string; unit: boolean }) {
  const { t } = useLocale();
  const count = (title: string, pick: (row: FigureRow) => Figure | undefined) => ({
    title,
    align: "right" as const,
    render: (_v: unknown, row: FigureRow) => <FigureLink figure={pick(row)} />,
  });
  const several = (title: string, pick: (row: FigureRow) => Figure[]) => ({
    title,
    align: "right" as const,
    render: (_v: unknown, row: FigureRow) => (
      <Space size={4} split="/">
        {pick(row).map((figure, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed triple (A/B/C, or the three results)
          <FigureLink key={index} figure={figure} />
        ))}
      </Space>
    ),
  });
  return (
    <Table
      size="small"
      scroll={{ x: true }}
      pagination={false}
      rowKey={(row) => String(row.key)}
      dataSource={props.rows}
      columns={[
        { title: t("dashboard.col.key"), fixed: "left", render: (_v, row: FigureRow) => props.nameOf(row) },
        ...(props.unit
          ? [count(t("dashboard.coAssigned"), (row) => row.coAssigned)]
          : [
              count(t("dashboard.submitted"), (row) => row.submitted),
              count(t("dashboard.registered"), (row) => row.registered),
            ]),
        count(t("dashboard.assigned"), (row) => row.assigned),
        count(t("dashboard.replied"), (row) => row.replied),
        count(t("dashboard.repliedOnTime"), (row) => row.repliedOnTime),
        count(t("dashboard.repliedLate"), (row) => row.repliedLate),
        several(t("dashboard.grades"), (row) => [row.grades.A, row.grades.B, row.grades.C]),
        several(t("dashboard.evaluations"), (row) => [
          row.evaluations.satisfied,
          row.evaluations.basicallySatisfied,
          row.evaluations.unsatisfied,
        ]),
        count(t("dashboard.rehandled"), (row) => row.rehandled),
        count(t("dashboard.overdueNow"), (row) => row.overdueNow),
        count(t("dashboard.overdueEver"), (row) => row.overdueEver),
        {
          title: t("dashboard.days"),
          align: "right",
          render: (_v, row: FigureRow) =>
            `${row.workingDaysToReply.average ?? "—"} / ${row.workingDaysToReply.p90 ?? "—"}`,
        },
      ]}
    />
  );
}

/** Grouped bars of rates in percent; the table beside it has the same numbers. */
function RatesChart(props: { title: string; names: string[]; series: { name: string; values: (number | null)[] }[] }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: "svg" });
    const colors = ["#b71c1c", "#e57373", "#455a64"];
    chart.setOption({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 60 },
      xAxis: { type: "category", data: props.names, axisLabel: { rotate: props.names.length > 6 ? 30 : 0 } },
      yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
      series: props.series.map((series, index) => ({
        type: "bar",
        name: series.name,
        data: series.values.map((value) => (value === null ? null : Math.round(value * 1000) / 10)),
        itemStyle: { color: colors[index] },
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [props.names, props.series]);
  return <div ref={element} role="img" aria-label={props.title} style={{ width: "100%", height: 300 }} />;
}

function ChartCard(props: {
  title: string;
  rows: { name: string; value: number }[];
  kind: "bar" | "pie";
  unit?: string;
}) {
  return (
    <Card title={props.title}>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Chart {...props} />
        </Col>
        <Col xs={24} md={10}>
          <Table
            size="small"
            pagination={false}
            rowKey="name"
            dataSource={props.rows}
            columns={[
              { title: "", dataIndex: "name" },
              {
                title: "",
                dataIndex: "value",
                align: "right",
                render: (value: number) => `${value}${props.unit ?? ""}`,
              },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}

function Chart({ title, rows, kind }: { title: string; rows: { name: string; value: number }[]; kind: "bar" | "pie" }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: "svg" });
    chart.setOption(
      kind === "pie"
        ? { tooltip: {}, series: [{ type: "pie", radius: "70%", data: rows }] }
        : {
            tooltip: {},
            grid: { left: 40, right: 16, top: 16, bottom: 40 },
            xAxis: { type: "category", data: rows.map((row) => row.name) },
            yAxis: { type: "value" },
            series: [{ type: "bar", data: rows.map((row) => row.value), itemStyle: { color: "#b71c1c" } }],
          },
    );
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [rows, kind]);
  // The chart is a picture of the table beside it: screen readers read the table.
  return <div ref={element} role="img" aria-label={title} style={{ width: "100%", height: 260 }} />;
}
