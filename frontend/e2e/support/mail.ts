import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { MAIL_DIR } from './env.ts';

/** Undoes quoted-printable encoding: `=\r\n` soft line breaks and `=XX` escapes such as `=3D`. */
function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The `To:` header of a decoded message (folded lines joined), lower-cased, or ''. */
function toHeaderOf(text: string): string {
  const headers = (text.split(/\r?\n\r?\n/, 1)[0] ?? '').replace(/\r?\n[ \t]+/g, ' ');
  return (/^To:(.*)$/im.exec(headers)?.[1] ?? '').trim().toLowerCase();
}

/**
 * Waits for the newest .eml in BEACON_MAIL_DIR addressed (To:) to `recipient` that links to
 * `linkPath` (`/verify-email`, `/accept-invitation`, …) and returns that link as mailed. With
 * `since` (ms since the epoch), older messages are ignored: the mail is sent asynchronously, so
 * a person's earlier message could otherwise be taken for the one just caused.
 */
export async function waitForMailLink(recipient: string, linkPath: string, { since = 0, timeoutMs = 15_000 } = {}): Promise<URL> {
  const escaped = linkPath.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const linkPattern = new RegExp(`https?://[^\\s"<>]+?${escaped}\\?token=[A-Za-z0-9._~%-]+`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let files: { file: string; mtime: number }[] = [];
    try {
      files = readdirSync(MAIL_DIR)
        .filter((name) => name.endsWith('.eml'))
        .map((name) => ({ file: path.join(MAIL_DIR, name), mtime: statSync(path.join(MAIL_DIR, name)).mtimeMs }))
        .filter(({ mtime }) => mtime >= since)
        .sort((a, b) => b.mtime - a.mtime);
    } catch {
      // The directory appears with the first message.
    }
    for (const { file } of files) {
      const text = decodeQuotedPrintable(readFileSync(file, 'utf8'));
      if (!toHeaderOf(text).includes(recipient.toLowerCase())) continue;
      const match = linkPattern.exec(text);
      if (match) return new URL(match[0]);
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${recipient} with a ${linkPath} link in ${MAIL_DIR} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Waits for the newest .eml in BEACON_MAIL_DIR addressed to `recipient` whose Subject matches
 * `subject` and returns its decoded text. With `since` (ms since the epoch), older messages are
 * ignored. For mails without a token link, such as monitor alerts.
 */
export async function waitForMail(recipient: string, subject: RegExp, { since = 0, timeoutMs = 60_000 } = {}): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let files: { file: string; mtime: number }[] = [];
    try {
      files = readdirSync(MAIL_DIR)
        .filter((name) => name.endsWith('.eml'))
        .map((name) => ({ file: path.join(MAIL_DIR, name), mtime: statSync(path.join(MAIL_DIR, name)).mtimeMs }))
        .filter(({ mtime }) => mtime >= since)
        .sort((a, b) => b.mtime - a.mtime);
    } catch {
      // The directory appears with the first message.
    }
    for (const { file } of files) {
      const text = decodeQuotedPrintable(readFileSync(file, 'utf8'));
      if (!toHeaderOf(text).includes(recipient.toLowerCase())) continue;
      const headers = (text.split(/\r?\n\r?\n/, 1)[0] ?? '').replace(/\r?\n[ \t]+/g, ' ');
      const subjectLine = (/^Subject:(.*)$/im.exec(headers)?.[1] ?? '').trim();
      if (subject.test(subjectLine)) return text;
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${recipient} with a subject matching ${String(subject)} in ${MAIL_DIR} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
