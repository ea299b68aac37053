import { Card, Col, Row, Space, Statistic, Table, Typography } from "antd";
import { BarChart, PieChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { api } from "../api/client.ts";
import { useLoad } from "../api/use-load.ts";
import { Refusal } from "../components/refusal.tsx";
import { useLocale } from "../i18n/locale.tsx";

// Only the parts drawn here (bars, a pie, SVG): ECharts' modular build keeps the page's JavaScript small.
echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, SVGRenderer]);

/** The statistics of GET /v1/stats as charts, each with its numbers in a table beside it (readable without the chart). */
export function DashboardPage() {
  const { t, tx } = useLocale();
  const stats = useLoad(() => api.GET("/v1/stats"), []);
  const data = stats.data;
  const stages = Object.entries(data?.proposals.byStage ?? {}).map(([stage, count]) => ({
    name: tx(`stage.${stage}`, stage),
    value: count,
  }));
  const overdue = Object.entries(data?.overdueDeadlines.byUnit ?? {}).map(([unit, count]) => ({
    name: unit === "null" ? "—" : unit,
    value: count,
  }));
  const satisfaction = Object.entries(data?.evaluations.byUnit ?? {}).map(([unit, figures]) => ({
    name: unit,
    value: Math.round(figures.rate * 100),
  }));
  return (
    <Space direction="vertical" style={{ width: "100%" }} size="middle">
      <Typography.Title level={2}>{t("dashboard.title")}</Typography.Title>
      <Refusal error={stats.error} />
      {data ? (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title={t("dashboard.total")} value={data.proposals.total} />
              </Card>
            </Col>
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
            <Col xs={12} md={6}>
              <Card>
                <Statistic title={t("dashboard.ratings")} value={data.evaluations.ratings} />
              </Card>
            </Col>
          </Row>
          <ChartCard title={t("dashboard.byStage")} rows={stages} kind="pie" />
          <ChartCard title={t("dashboard.overdueByUnit")} rows={overdue} kind="bar" />
          {satisfaction.length > 0 ? (
            <ChartCard title={t("dashboard.satisfaction")} rows={satisfaction} kind="bar" unit="%" />
          ) : null}
        </>
      ) : null}
    </Space>
  );
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
