import { Alert } from "antd";
import { type ApiError, codeOf } from "../api/client.ts";
import { useLocale } from "../i18n/locale.tsx";

/** A refusal in words people read: the catalog's message for its code, the server's message beside it. */
export function useRefusalText(): (error: ApiError) => string {
  const { tx, t } = useLocale();
  return (error) => {
    const code = codeOf(error);
    const known = tx(`refusal.${code}`, "");
    return known || t("common.error", { message: error.error.message });
  };
}

export function Refusal({ error }: { error: ApiError | undefined }) {
  const text = useRefusalText();
  if (!error) return null;
  return (
    <Alert
      type="error"
      role="alert"
      showIcon
      message={text(error)}
      description={<small data-code={codeOf(error)}>{`${codeOf(error)}: ${error.error.message}`}</small>}
    />
  );
}
