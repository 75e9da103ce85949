// The emails the test server wrote (e2e/serve.sh: Django's file backend into
// var/e2e/mail, one file per connection, delivered before the request answers).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';

const mailDir = fileURLToPath(new URL('../../../var/e2e/mail/', import.meta.url));

/** Every message sent to `to`, newest first (a file may hold several messages). */
function messagesTo(to: string): string[] {
  let names: string[];
  try {
    names = readdirSync(mailDir);
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, at: statSync(mailDir + name).mtimeMs }))
    .sort((a, b) => b.at - a.at)
    .flatMap(({ name }) => readFileSync(mailDir + name, 'utf8').split(/^-{70,}$/m))
    .filter((m) => new RegExp(`^To: ${to.replace(/[.+]/g, '\\$&')}$`, 'mi').test(m));
}

/**
 * The path of the newest link of `kind` (`reset-password` or `verify-email`)
 * emailed to `to`, waiting until it has arrived: `/reset-password/<uid>/<token>/`.
 */
export async function emailedLink(to: string, kind: 'reset-password' | 'verify-email', notIn: string[] = []): Promise<string> {
  let link = '';
  await expect
    .poll(
      () => {
        for (const message of messagesTo(to)) {
          // Quoted-printable bodies wrap long lines with "=\n".
          const body = message.replace(/=\r?\n/g, '');
          const m = body.match(new RegExp(`https?://[^\\s/]+(/${kind}/[^\\s/]+/[^\\s/]+/)`));
          if (m && !notIn.includes(m[1])) {
            link = m[1];
            return link;
          }
        }
        return '';
      },
      { message: `a ${kind} email to ${to}` },
    )
    .not.toBe('');
  return link;
}
