import { App as AntApp, Button, ConfigProvider, Grid, Layout, Menu, Result, Space, Spin, Tag, Typography } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { lazy, type ReactNode, Suspense, useEffect } from "react";
import { LocaleProvider, useLocale } from "./i18n/locale.tsx";
import { AdminPage } from "./pages/Admin.tsx";
import { ImportsPage } from "./pages/Imports.tsx";
import { CommitteesPage } from "./pages/admin/Committees.tsx";
import { InboxPage } from "./pages/Inbox.tsx";
import { InvitationPage } from "./pages/Invitation.tsx";
import { MyWorkPage } from "./pages/MyWork.tsx";
import { ProposalPage } from "./pages/Proposal.tsx";
import { ProposalsPage } from "./pages/Proposals.tsx";
import { SignInPage } from "./pages/SignIn.tsx";
import { Link, match, navigate, usePath } from "./router.tsx";
import { hasRole, SessionProvider, useSession } from "./session.tsx";

// ECharts is large and only the dashboard draws charts: loaded when the dashboard opens.
const DashboardPage = lazy(() => import("./pages/Dashboard.tsx").then((module) => ({ default: module.DashboardPage })));

export function App() {
  return (
    <LocaleProvider>
      <Themed>
        <SessionProvider>
          <Shell />
        </SessionProvider>
      </Themed>
    </LocaleProvider>
  );
}

function Themed({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  return (
    <ConfigProvider
      locale={locale === "en" ? enUS : zhCN}
      // Text and links at WCAG AA contrast (4.5:1) on white: Ant Design's defaults for secondary text (#8c8c8c),
      // links (#1677ff) and errors (#ff4d4f) fall short of it, which axe-core reports as serious.
      theme={{
        token: {
          colorPrimary: "#b71c1c",
          colorTextSecondary: "rgba(0, 0, 0, 0.65)",
          colorTextTertiary: "rgba(0, 0, 0, 0.6)",
          colorTextDescription: "rgba(0, 0, 0, 0.65)",
          colorTextPlaceholder: "rgba(0, 0, 0, 0.6)",
          colorLink: "#0958d9",
          colorError: "#cf1322",
          colorSuccess: "#237804",
          colorWarning: "#ad4e00",
        },
      }}
      // "登录", not "登 录": the words as the catalog writes them (and as screen readers and tests find them).
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** Pages that need no session: signing in, and setting a password from an invitation. */
function publicPage(path: string): ReactNode | undefined {
  if (match("/sign-in", path)) return <SignInPage />;
  if (match("/invitation", path)) return <InvitationPage />;
  return undefined;
}

function Shell() {
  const path = usePath();
  const { session, signOut } = useSession();
  const { t, tx, locale, setLocale } = useLocale();
  const screens = Grid.useBreakpoint();
  const open = publicPage(path);
  const needsSignIn = !open && session === null;
  useEffect(() => {
    // Sign in first, then back to where the link pointed (an e-mail's /console/proposals/<id>).
    if (needsSignIn) navigate(`/sign-in?next=${encodeURIComponent(path)}`, { replace: true });
  }, [needsSignIn, path]);
  useEffect(() => {
    if (session?.person.language === "en" || session?.person.language === "zh-CN") {
      if (!window.localStorage.getItem("huiyin.locale")) setLocale(session.person.language);
    }
  }, [session, setLocale]);
  if (open) return <Centered>{open}</Centered>;
  if (!session) return <Spin fullscreen aria-label={t("common.loading")} />;
  const items = [
    { key: "/work", label: <Link to="/work">{t("nav.work")}</Link> },
    { key: "/proposals", label: <Link to="/proposals">{t("nav.proposals")}</Link> },
    { key: "/inbox", label: <Link to="/inbox">{t("nav.inbox")}</Link> },
    ...(hasRole(session, "admin", "staff", "leader")
      ? [{ key: "/dashboard", label: <Link to="/dashboard">{t("nav.dashboard")}</Link> }]
      : []),
    ...(hasRole(session, "admin", "staff")
      ? [{ key: "/imports", label: <Link to="/imports">{t("nav.imports")}</Link> }]
      : []),
    ...(hasRole(session, "admin") ? [{ key: "/admin", label: <Link to="/admin">{t("nav.admin")}</Link> }] : []),
    // The deployment's operator manages the committees it hosts (and may hold no other role).
    ...(hasRole(session, "operator")
      ? [{ key: "/committees", label: <Link to="/committees">{t("admin.committees")}</Link> }]
      : []),
  ];
  const selected = items.find((item) => path.startsWith(item.key))?.key ?? "/work";
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header
        style={{
          display: "flex",
          alignItems: "center",
          gap: 16,
          paddingInline: screens.md ? 24 : 8,
          // On a phone the menu takes a row of its own under the name and buttons, so every item shows.
          ...(screens.md ? {} : { flexWrap: "wrap", height: "auto", lineHeight: "40px", rowGap: 0 }),
        }}
      >
        <Typography.Text strong style={{ color: "#fff", whiteSpace: "nowrap" }}>
          {screens.sm ? t("appName") : "回音"}
        </Typography.Text>
        <nav aria-label={t("appName")} style={screens.md ? { flex: 1, minWidth: 0 } : { order: 3, flexBasis: "100%" }}>
          {/* No overflow menu: it hides items with aria-hidden yet leaves their links focusable; on a phone the
              bar scrolls sideways instead. */}
          <Menu
            theme="dark"
            mode="horizontal"
            disabledOverflow
            style={{ overflowX: "auto", whiteSpace: "nowrap" }}
            selectedKeys={[selected]}
            items={items}
          />
        </nav>
        <Space size="small" style={{ marginInlineStart: "auto" }}>
          <Typography.Text style={{ color: "#fff" }} data-testid="person-name">
            {session.person.name}
          </Typography.Text>
          {/* Roles held for someone else (a delegation), marked as such: what the person may do now besides their own. */}
          {(session.delegated ?? []).map((held) => (
            <Tag key={`${held.delegationId}:${held.role}:${held.scope}`} color="gold" data-testid="delegated-role">
              {t("header.delegated", {
                role: tx(`role.${held.role}`, held.role),
                name: held.delegatorName ?? held.delegatorId,
              })}
            </Tag>
          ))}
          <Button size="small" onClick={() => setLocale(locale === "en" ? "zh-CN" : "en")}>
            {t("nav.language")}
          </Button>
          <Button
            size="small"
            onClick={async () => {
              await signOut();
              navigate("/sign-in", { replace: true });
            }}
          >
            {t("nav.signOut")}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: screens.md ? 24 : 8 }}>
        <main>
          <Page path={path} />
        </main>
      </Layout.Content>
    </Layout>
  );
}

function Page({ path }: { path: string }) {
  const { t } = useLocale();
  if (path === "/" || match("/work", path)) return <MyWorkPage />;
  if (match("/proposals", path)) return <ProposalsPage />;
  const proposal = match("/proposals/:id", path);
  if (proposal?.id) return <ProposalPage id={proposal.id} />;
  if (match("/inbox", path)) return <InboxPage />;
  if (match("/dashboard", path)) {
    return (
      <Suspense fallback={<Spin />}>
        <DashboardPage />
      </Suspense>
    );
  }
  if (match("/imports", path)) return <ImportsPage />;
  if (match("/admin", path)) return <AdminPage />;
  if (match("/committees", path)) return <CommitteesPage />;
  return <Result status="404" title="404" extra={<Link to="/work">{t("nav.work")}</Link>} />;
}

function Centered({ children }: { children: ReactNode }) {
  return (
    <Layout style={{ minHeight: "100vh", alignItems: "center", justifyContent: "center", padding: 16 }}>
      <main style={{ width: "100%", maxWidth: 400 }}>{children}</main>
    </Layout>
  );
}
