/** How the notifier sends e-mail: sender, links, retry policy. Built from the configuration in `main.ts`. */
export interface EmailSettings {
  from: string;
  publicBaseUrl: string;
  /** Signs acknowledge links; without it the e-mails carry none. */
  linkSecret?: string | undefined;
  attempts: number;
  backoffMs: number;
}
