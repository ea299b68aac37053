/** The person `npm start` makes the first administrator of the console, and the login they sign in with. */
export const FIRST_ADMIN = { id: "admin", name: "管理员 Administrator", email: "admin@huiyin.local" } as const;

interface Answer {
  status: number;
  body: Record<string, unknown> | undefined;
}

/**
 * Makes sure a human can sign in to the console after `npm start`, through the API with the admin key: the person
 * `admin` exists in the directory with the `admin` role (made once, never changed afterwards), and while nobody
 * has set their password, a fresh invitation link (single-use, replacing the previous start's) is returned for
 * the start banner. Once the password is set, the banner only names the login. Nothing here is logged: the link
 * is printed on the terminal that started huiyin, for the person who did.
 */
export async function firstAdminSignIn(
  apiUrl: string,
  adminKey: string,
): Promise<{ login: string; invitation?: string }> {
  const call = async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${adminKey}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  };
  const expect = (answer: Answer, statuses: number[], what: string) => {
    if (!statuses.includes(answer.status)) {
      throw new Error(`${what}: the API answered ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer;
  };
  const person = await call("GET", `/v1/directory/people/${FIRST_ADMIN.id}`);
  if (person.status === 404) {
    expect(
      await call("PUT", `/v1/directory/people/${FIRST_ADMIN.id}`, { name: FIRST_ADMIN.name, email: FIRST_ADMIN.email }),
      [200, 201],
      "making the first admin person",
    );
    expect(await call("PUT", `/v1/directory/roles/admin/people/${FIRST_ADMIN.id}`), [200, 201], "making them admin");
  }
  const login = String((person.body?.email as string | null | undefined) ?? FIRST_ADMIN.email);
  const account = expect(await call("GET", `/v1/people/${FIRST_ADMIN.id}/account`), [200], "reading their account");
  if (account.body?.hasPassword === true) return { login };
  const invited = expect(
    await call("POST", `/v1/people/${FIRST_ADMIN.id}/invitations`),
    [201],
    "inviting the first admin",
  );
  return { login, invitation: String(invited.body?.link) };
}
