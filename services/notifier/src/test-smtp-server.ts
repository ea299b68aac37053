import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server for tests (smtp-server, from the nodemailer project): it speaks the protocol on a loopback
 * port, keeps what it receives parsed (mailparser), and can refuse recipients with an answer the test chooses,
 * for a number of attempts or for ever. Not for production code: it is a dev dependency.
 */
export interface TestSmtpServer {
  url: string;
  messages: ParsedMail[];
  /** Answer the next `times` recipients (Infinity: all) with `code` (4xx: try later, 5xx: never). */
  refuse(times: number, code?: number): void;
  /** How many recipients were refused so far. */
  refusals(): number;
  close(): Promise<void>;
}

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const messages: ParsedMail[] = [];
  let refuseLeft = 0;
  let refuseCode = 451;
  let refused = 0;
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
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
