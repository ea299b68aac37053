/** One composed e-mail: what `sendTracked` hands to the mailer. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
}

/** What sends one message: a nodemailer transporter, in production and in tests (against a real SMTP server). */
export interface Mailer {
  sendMail(message: OutgoingMail & { from: string }): Promise<unknown>;
}
