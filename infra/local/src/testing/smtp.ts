import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server for tests (smtp-server, from the nodemailer project): it speaks the protocol on a loopback
 * port, keeps what it receives parsed (mailparser), and can refuse recipients with an answer the test chooses,
 * for a number of attempts or for ever. It lives with the test infrastructure (`@huiyin/infra-local/testing/smtp`, a
 * subpath of its own so that tests without e-mail do not load it); the dependency rules keep production code from
 * importing it.
 */
export interface TestSmtpServer {
  url: string;
  messages: ParsedMail[];
  /** Answer the next `times` recipients (Infinity: all) with `code` (4xx: try later, 5xx: never). */
  refuse(times: number, code?: number): void;
  /** How many recipients were refused so far. */
  refusals(): number;
  /**
   * From now on take in every message but never answer it (the sender waits for a 250 that does not come), until
   * `release()`. Resolves with the recipients of the first message held. Held messages are not in `messages`:
   * they were never accepted.
   */
  hold(): Promise<string[]>;
  /** Stop holding: later messages are answered again (held ones never are). */
  release(): void;
  /** The recipients of every message held so far. */
  heldFor(): string[];
  close(): Promise<void>;
}

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const messages: ParsedMail[] = [];
  let refuseLeft = 0;
  let refuseCode = 451;
  let refused = 0;
  let holding = false;
  let onFirstHeld: ((recipients: string[]) => void) | undefined;
  const held: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refuseLeft > 0) {
        refuseLeft -= 1;
        refused += 1;
        const error = Object.assign(new Error(`test server refuses (${refuseCode})`), { responseCode: refuseCode });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if (holding) {
            const recipients = session.envelope.rcptTo.map((address) => address.address);
            held.push(...recipients);
            onFirstHeld?.(recipients);
            onFirstHeld = undefined;
            return;
          }
          messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  // A client that dies mid-conversation (the killed notifier) resets its connection: smtp-server reports that as
  // an `error` event, which would end the test process without a listener. It is what the tests cause on purpose.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuse(times, code = 451) {
      refuseLeft = times;
      refuseCode = code;
    },
    refusals: () => refused,
    hold: () =>
      new Promise<string[]>((resolve) => {
        holding = true;
        onFirstHeld = resolve;
      }),
    release() {
      holding = false;
    },
    heldFor: () => [...held],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
