import { Alert, Button, Card, Divider, Form, Input, Typography } from "antd";
import { useEffect, useState } from "react";
import { api } from "../api/client.ts";
import { useLocale } from "../i18n/locale.tsx";
import { navigate } from "../router.tsx";
import { useSession } from "../session.tsx";

/** Where to go after signing in: a path inside the console only (never another site: no open redirect). */
export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get("next");
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/sign-in") ? next : "/work";
}

/**
 * The identity platform's name when the api has OIDC sign-in on (GET /v1/session/oidc answers it); undefined while
 * asking, or when it is off (404): then the page shows no such button.
 */
function useOidc(): string | undefined {
  const [name, setName] = useState<string>();
  useEffect(() => {
    let live = true;
    api.GET("/v1/session/oidc").then(
      ({ data }) => {
        if (live && data) setName(data.name);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return name;
}

export function SignInPage() {
  const { t, tx } = useLocale();
  const { signIn } = useSession();
  const oidc = useOidc();
  // Back from the identity platform without a session: the api names why (?error=<code>).
  const returned = new URLSearchParams(window.location.search).get("error");
  const [problem, setProblem] = useState<string | undefined>(
    returned ? tx(`refusal.${returned}`, t("signIn.failed")) : undefined,
  );
  const [busy, setBusy] = useState(false);
  const asked = new URLSearchParams(window.location.search).has("next");
  const submit = async (values: { login: string; password: string }) => {
    setBusy(true);
    const outcome = await signIn(values.login, values.password).finally(() => setBusy(false));
    if (outcome === "ok") navigate(nextPath(window.location.search), { replace: true });
    else setProblem(outcome === "rate-limited" ? t("signIn.rateLimited") : t("signIn.failed"));
  };
  return (
    <Card>
      <Typography.Title level={3}>{t("appName")}</Typography.Title>
      <Typography.Title level={4}>{t("signIn.title")}</Typography.Title>
      {asked && !problem ? <Alert type="info" message={t("signIn.needed")} style={{ marginBottom: 16 }} /> : null}
      {problem ? <Alert type="error" role="alert" message={problem} style={{ marginBottom: 16 }} /> : null}
      {oidc ? (
        <>
          {/* A real navigation (not a fetch): the platform's pages need the whole window. */}
          <Button
            block
            size="large"
            href={`/v1/session/oidc/start?next=${encodeURIComponent(nextPath(window.location.search))}`}
            data-testid="oidc-sign-in"
          >
            {t("signIn.oidc", { name: oidc })}
          </Button>
          <Divider plain>{t("signIn.or")}</Divider>
        </>
      ) : null}
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="login" label={t("signIn.login")} rules={[{ required: true }]}>
          <Input autoComplete="username" type="email" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t("signIn.password")} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t("signIn.submit")}
        </Button>
      </Form>
    </Card>
  );
}
