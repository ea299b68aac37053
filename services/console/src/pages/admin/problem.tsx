import { Alert } from "antd";
import { useState } from "react";
import { type ApiError, isApiError } from "../../api/client.ts";
import { useRefusalText } from "../../components/refusal.tsx";
import { useLocale } from "../../i18n/locale.tsx";

/**
 * The refusal of an admin's last change, shown above the tab until closed: `report` takes what a typed call answered
 * (its `error`) and shows the catalog's words for its code. A refusal whose `details.reason` names what was wrong
 * (DELEGATION_INVALID's SELF, PERIOD…) reads `refusal.<code>.<reason>` first, so the admin learns which field to fix;
 * the fields the API named (`details.fields`) follow it.
 */
export function useProblem() {
  const refusalText = useRefusalText();
  const { tx } = useLocale();
  const [problem, setProblem] = useState<string>();
  const report = (error: unknown, status?: number): boolean => {
    if (!error) return false;
    if (!isApiError(error)) {
      setProblem(String(status ?? error));
      return true;
    }
    const reason = (error.error.details as { reason?: unknown } | undefined)?.reason;
    const precise = typeof reason === "string" ? tx(`refusal.${error.error.code}.${reason}`, "") : "";
    // Which fields were wrong and why, as the API said it (a head who is not in the directory, an id taken...).
    const fields = (error.error.details as { fields?: { path?: unknown; message?: unknown }[] } | undefined)?.fields;
    const where = Array.isArray(fields)
      ? fields.map((field) => `${String(field.path ?? "")}: ${String(field.message ?? "")}`).join("; ")
      : "";
    const text = precise || refusalText(error as ApiError);
    setProblem(where ? `${text} (${where})` : text);
    return true;
  };
  const shown = problem ? (
    <Alert type="error" role="alert" showIcon closable message={problem} onClose={() => setProblem(undefined)} />
  ) : null;
  return { report, shown, clear: () => setProblem(undefined) };
}
