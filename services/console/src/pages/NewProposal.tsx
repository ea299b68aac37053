import { Alert, Button, Card, Form, Input, Select, Space, Typography } from "antd";
import { useState } from "react";
import { type ApiError, call, isApiError } from "../api/client.ts";
import { Refusal } from "../components/refusal.tsx";
import { useLocale } from "../i18n/locale.tsx";
import { navigate } from "../router.tsx";
import { useSession } from "../session.tsx";

interface NewProposalForm {
  title: string;
  category?: string;
  reasons: string;
  suggestions: { text?: string }[];
  /** Staff entering a proposal for a member: the lead proposer's member id. */
  lead?: string;
  /** The other proposers of a joint proposal (联名), by member id. */
  coProposers?: string[];
}

/**
 * 新建提案: a proposer writes a proposal and saves it as a draft or submits it; staff enter one for a member (a paper
 * submission), naming the lead proposer. `POST /v1/proposals` with the lead proposer first (the proposer's own member
 * id, or the one staff name) and the joint proposers after; the proposal's page opens once it is saved, where a draft
 * is submitted later.
 */
export function NewProposalPage() {
  const { t } = useLocale();
  const { session } = useSession();
  const [form] = Form.useForm<NewProposalForm>();
  const [failed, setFailed] = useState<ApiError>();
  const [sending, setSending] = useState<"draft" | "submit">();
  // A proposer writes as themself: their member id leads.
  const member = session?.roles.find((entry) => entry.role === "proposer")?.scope;
  const save = async (submit: boolean) => {
    const values = await form.validateFields();
    const lead = member ?? values.lead?.trim() ?? "";
    const others = (values.coProposers ?? []).map((id) => id.trim()).filter((id) => id && id !== lead);
    const body = {
      title: values.title.trim(),
      reasons: values.reasons.trim(),
      suggestions: values.suggestions.map((item) => item.text?.trim() ?? "").filter(Boolean),
      category: values.category?.trim() ?? "",
      proposers: [lead, ...new Set(others)].map((id) => ({ id })),
      submit,
    };
    setSending(submit ? "submit" : "draft");
    setFailed(undefined);
    const { status, data } = await call<{ id: string } | ApiError>("POST", "/v1/proposals", body);
    setSending(undefined);
    if (status === 201 && data && !isApiError(data)) {
      navigate(`/proposals/${data.id}`);
      return;
    }
    setFailed(isApiError(data) ? data : { error: { code: "INTERNAL", message: String(status) } });
  };
  const required = [{ required: true, whitespace: true, message: t("newProposal.required") }];
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={2}>{t("newProposal.title")}</Typography.Title>
      <Alert type="info" showIcon message={t("newProposal.hint")} />
      <Card>
        <Form
          form={form}
          layout="vertical"
          aria-label={t("newProposal.title")}
          initialValues={{ suggestions: [{ text: "" }] }}
          onFinish={() => save(true)}
        >
          {member ? null : (
            <Form.Item name="lead" label={t("newProposal.lead")} rules={required}>
              <Input aria-label={t("newProposal.lead")} />
            </Form.Item>
          )}
          <Form.Item name="title" label={t("field.title")} rules={required}>
            <Input aria-label={t("field.title")} maxLength={500} />
          </Form.Item>
          <Form.Item name="category" label={t("field.category")}>
            <Input aria-label={t("field.category")} maxLength={100} />
          </Form.Item>
          <Form.Item name="reasons" label={t("field.reasons")} rules={required}>
            <Input.TextArea aria-label={t("field.reasons")} autoSize={{ minRows: 4, maxRows: 16 }} />
          </Form.Item>
          <Form.List name="suggestions">
            {(fields, { add, remove }) => (
              <Form.Item label={t("field.suggestions")} required>
                <Space orientation="vertical" style={{ width: "100%" }}>
                  {fields.map((field, index) => (
                    <Space key={field.key} align="baseline" style={{ width: "100%" }}>
                      <Form.Item name={[field.name, "text"]} rules={required} style={{ flex: 1, marginBottom: 0 }}>
                        <Input.TextArea
                          aria-label={`${t("field.suggestions")} ${index + 1}`}
                          autoSize={{ minRows: 1, maxRows: 6 }}
                          style={{ minWidth: 240 }}
                        />
                      </Form.Item>
                      {fields.length > 1 ? (
                        <Button
                          onClick={() => remove(field.name)}
                          aria-label={`${t("field.suggestions")} ${index + 1} −`}
                        >
                          −
                        </Button>
                      ) : null}
                    </Space>
                  ))}
                  <Button onClick={() => add({ text: "" })}>{t("newProposal.addSuggestion")}</Button>
                </Space>
              </Form.Item>
            )}
          </Form.List>
          <Form.Item name="coProposers" label={t("newProposal.coProposers")} extra={t("newProposal.coProposersHint")}>
            <Select mode="tags" aria-label={t("newProposal.coProposers")} tokenSeparators={[",", "，", " "]} />
          </Form.Item>
          <Refusal error={failed} />
          <Space wrap style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={sending === "submit"} disabled={sending !== undefined}>
              {t("newProposal.submit")}
            </Button>
            <Button onClick={() => save(false)} loading={sending === "draft"} disabled={sending !== undefined}>
              {t("newProposal.saveDraft")}
            </Button>
          </Space>
        </Form>
      </Card>
    </Space>
  );
}
