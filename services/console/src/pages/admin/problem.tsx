import { Alert } from "antd";
import { useState } from "react";
import { type ApiError, isApiError } from "../../api/client.ts";
import { useRefusalText } from "../../components/refusal.tsx";

/**
 * The refusal of an admin's last change, shown above the tab until closed: `report` takes what a typed call answered
 * (its `error`) and shows the catalog's words for its code.
 */
export function useProblem() {
  const refusalText = useRefusalText();
  const [problem, setProblem] = useState<string>();
  const report = (error: unknown, status?: number): boolean => {
    if (!error) return false;
    setProblem(isApiError(error) ? refusalText(error as ApiError) : String(status ?? error));
    return true;
  };
  const shown = problem ? (
    <Alert type="error" role="alert" showIcon closable message={problem} onClose={() => setProblem(undefined)} />
  ) : null;
  return { report, shown, clear: () => setProblem(undefined) };
}
