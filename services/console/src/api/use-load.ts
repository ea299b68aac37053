import { useCallback, useEffect, useState } from "react";
import { useSession } from "../session.tsx";
import { type ApiError, isApiError } from "./client.ts";

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  status: number | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * Runs a read of the typed client and keeps its answer; a 401 means the session ended (signed out elsewhere,
 * disabled, expired), so the shell sends the person to sign in again.
 */
export function useLoad<T>(
  read: () => Promise<{ data?: T; error?: unknown; response: Response }>,
  deps: readonly unknown[],
): Loaded<T> {
  const { expired } = useSession();
  const [state, setState] = useState<Omit<Loaded<T>, "reload">>({
    data: undefined,
    error: undefined,
    status: undefined,
    loading: true,
  });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the read depends on.
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    read()
      .then(({ data, error, response }) => {
        if (!current) return;
        if (response.status === 401) expired();
        const failure = isApiError(error)
          ? error
          : error
            ? { error: { code: String(response.status), message: String(error) } }
            : undefined;
        setState({ data, error: failure, status: response.status, loading: false });
      })
      .catch((cause: unknown) => {
        if (current) {
          setState({
            data: undefined,
            error: { error: { code: "NETWORK", message: String(cause) } },
            status: undefined,
            loading: false,
          });
        }
      });
    return () => {
      current = false;
    };
  }, [...deps, round]);
  return { ...state, reload };
}
