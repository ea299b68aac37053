import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { call, setCsrfToken } from "./api/client.ts";

/** The signed-in person as `GET /v1/session` gives it: who, their roles from the directory, the CSRF token. */
export interface Session {
  person: { id: string; name: string; language: string };
  roles: { role: string; scope: string }[];
  csrfToken: string;
  /** Roles held now under a delegation to the person (absent: none), with whose they are. */
  delegated?: {
    role: string;
    scope: string;
    delegatorId: string;
    delegatorName: string | null;
    delegationId: string;
  }[];
}

export type SignInOutcome = "ok" | "failed" | "rate-limited";

interface SessionState {
  /** undefined while the first read runs; null when nobody is signed in. */
  session: Session | null | undefined;
  signIn(login: string, password: string): Promise<SignInOutcome>;
  signOut(): Promise<void>;
  /** After a 401 from any call: the session ended elsewhere (signed out, disabled, expired). */
  expired(): void;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const adopt = useCallback((next: Session | null) => {
    setCsrfToken(next?.csrfToken);
    setSession(next);
  }, []);
  useEffect(() => {
    call<Session>("GET", "/v1/session")
      .then(({ status, data }) => adopt(status === 200 ? data : null))
      .catch(() => adopt(null));
  }, [adopt]);
  const value = useMemo<SessionState>(
    () => ({
      session,
      async signIn(login, password) {
        const { status, data } = await call<Session>("POST", "/v1/session", { login, password });
        if (status === 200) {
          // The session as GET answers it: with the roles delegated to the person, which the sign-in leaves out.
          const now = await call<Session>("GET", "/v1/session").catch(() => undefined);
          adopt(now?.status === 200 ? now.data : data);
          return "ok";
        }
        return status === 429 ? "rate-limited" : "failed";
      },
      async signOut() {
        await call("DELETE", "/v1/session").catch(() => undefined);
        adopt(null);
      },
      expired: () => adopt(null),
    }),
    [session, adopt],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSession outside SessionProvider");
  return state;
}

/** Whether the person holds any of these roles (the union of their directory roles). */
export function hasRole(session: Session | null | undefined, ...roles: string[]): boolean {
  return Boolean(session?.roles.some((entry) => roles.includes(entry.role)));
}
