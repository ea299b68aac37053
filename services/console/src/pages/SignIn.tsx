import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useLocale } from "../i18n/locale.tsx";
import { navigate } from "../router.tsx";
import { useSession } from "../session.tsx";

/** Where to go after signing in: a path inside the console only (never another site: no open redirect). */
export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get("next");
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/sign-in") ? next : "/work";
}

export function SignInPage() {
  const { t } = useLocale();
  const { signIn } = useSession();
  const [problem, setProblem] = useState<string>();
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
