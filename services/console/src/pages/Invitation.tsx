import { Alert, Button, Card, Form, Input, Result, Spin, Typography } from "antd";
import { useEffect, useState } from "react";
import { call } from "../api/client.ts";
import { useLocale } from "../i18n/locale.tsx";
import { Link } from "../router.tsx";

/** The token of an invitation link: `#<token>` (kept out of server logs and Referer) or `?token=`. */
function tokenOfLocation(): string {
  const hash = window.location.hash.replace(/^#/, "");
  return hash || new URLSearchParams(window.location.search).get("token") || "";
}

export function InvitationPage() {
  const { t } = useLocale();
  const [token] = useState(tokenOfLocation);
  const [invitation, setInvitation] = useState<{ person: { name: string } } | null | undefined>(undefined);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    if (!token) return setInvitation(null);
    call<{ person: { name: string } }>("GET", `/v1/invitations/${encodeURIComponent(token)}`)
      .then(({ status, data }) => setInvitation(status === 200 ? data : null))
      .catch(() => setInvitation(null));
  }, [token]);
  if (invitation === undefined) return <Spin />;
  if (invitation === null) return <Result status="warning" title={t("invitation.invalid")} />;
  if (done) {
    return (
      <Result status="success" title={t("invitation.done")} extra={<Link to="/sign-in">{t("signIn.title")}</Link>} />
    );
  }
  const submit = async (values: { password: string; repeat: string }) => {
    if (values.password !== values.repeat) return setProblem(t("invitation.mismatch"));
    const { status } = await call("POST", `/v1/invitations/${encodeURIComponent(token)}`, {
      password: values.password,
    });
    if (status === 204 || status === 200) setDone(true);
    else setProblem(status === 422 ? t("invitation.weak") : t("invitation.invalid"));
  };
  return (
    <Card>
      <Typography.Title level={4}>{t("invitation.title")}</Typography.Title>
      <Typography.Paragraph>{t("invitation.hello", { name: invitation.person.name })}</Typography.Paragraph>
      {problem ? <Alert type="error" role="alert" message={problem} style={{ marginBottom: 16 }} /> : null}
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="password" label={t("invitation.password")} rules={[{ required: true }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="repeat" label={t("invitation.repeat")} rules={[{ required: true }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          {t("invitation.submit")}
        </Button>
      </Form>
    </Card>
  );
}
