import { App as AntApp, Button, ConfigProvider, Grid, Layout, Menu, Result, Space, Spin, Tag, Typography } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { type ReactNode, Suspense, useEffect } from "react";
import { LocaleProvider, useLocale } from "./i18n/locale.tsx";
import { Link, lazyPage, match, navigate, usePath } from "./router.tsx";
import { hasRole, SessionProvider, useSession } from "./session.tsx";

// Every page is loaded when it is first opened (issue 15): the sign-in page and My work load only their own code.
// ECharts, the largest part, is only on the dashboard.
const AdminPage = lazyPage(
  () => import("./pages/Admin.tsx"),
  (module) => module.AdminPage,
);
const DashboardPage = lazyPage(
  () => import("./pages/Dashboard.tsx"),
  (module) => module.DashboardPage,
);
const InboxPage = lazyPage(
  () => import("./pages/Inbox.tsx"),
  (module) => module.InboxPage,
);
const InvitationPage = lazyPage(
  () => import("./pages/Invitation.tsx"),
  (module) => module.InvitationPage,
);
const MyWorkPage = lazyPage(
  () => import("./pages/MyWork.tsx"),
  (module) => module.MyWorkPage,
);
const ProposalPage = lazyPage(
  () => import("./pages/Proposal.tsx"),
  (module) => module.ProposalPage,
);
const ProposalsPage = lazyPage(
  () => import("./pages/Proposals.tsx"),
  (module) => module.ProposalsPage,
);
const NewProposalPage = lazyPage(
  () => import("./pages/NewProposal.tsx"),
  (module) => module.NewProposalPage,
);
const ImportsPage = lazyPage(
  () => import("./pages/Imports.tsx"),
  (module) => module.ImportsPage,
);
const CommitteesPage = lazyPage(
  () => import("./pages/admin/Committees.tsx"),
  (module) => module.CommitteesPage,
);
const SignInPage = lazyPage(
  () => import("./pages/SignIn.tsx"),
  (module) => module.SignInPage,
);

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
  if (open) {
    return (
      <Centered>
        <Suspense fallback={<Spin aria-label={t("common.loading")} />}>{open}</Suspense>
      </Centered>
    );
  }
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
        <nav
          aria-label={t("appName")}
          // minWidth 0: a flex item is as wide as its content otherwise, and the menu pushed the page sideways on a phone.
          style={screens.md ? { flex: 1, minWidth: 0 } : { order: 3, flexBasis: "100%", minWidth: 0, maxWidth: "100%" }}
        >
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
          <Suspense fallback={<Spin aria-label={t("common.loading")} />}>
            <Page path={path} />
          </Suspense>
        </main>
      </Layout.Content>
    </Layout>
  );
}

function Page({ path }: { path: string }) {
  const { t } = useLocale();
  if (path === "/" || match("/work", path)) return <MyWorkPage />;
  if (match("/proposals", path)) return <ProposalsPage />;
  if (match("/proposals/new", path)) return <NewProposalPage />;
  const proposal = match("/proposals/:id", path);
  if (proposal?.id) return <ProposalPage id={proposal.id} />;
  if (match("/inbox", path)) return <InboxPage />;
  if (match("/dashboard", path)) return <DashboardPage />;
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
