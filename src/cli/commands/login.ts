/**
 * `writ login --url URL --email EMAIL`: signs in to a running Writ server with the password from standard input (no
 * echo on a terminal; never an argument), creates an API token for this CLI, ends the browser-style session, and saves
 * `{ url, token, tokenId }` to the login file (mode 0600). `writ case …` and `writ logout` use it.
 */
import { hostname } from 'node:os';
import { UsageError, parseCommandArgs, type Command, type Io } from '../command.ts';
import { t, type Lang } from '../../i18n/i18n.ts';
import { ApiClient, CliProblem, isLoopback, loginFilePath, normalizeServerUrl, reportProblem, saveLogin } from '../api-client.ts';
import { pickLang } from './lookup.ts';

const HELP = `Usage: writ login --url URL --email EMAIL [--config FILE] [--label TEXT] [--lang en|es]

Signs in to a running Writ server (\`writ serve\`) and saves an API token for the commands that use it
(\`writ case …\`). The password is read from standard input: typed without echo on a terminal, or piped
(\`printf '%s\\n' "$PW" | writ login …\`). It is never taken from an argument.

Options:
  --url URL        the server, e.g. http://127.0.0.1:8080 (use https:// for another computer)
  --email EMAIL    your account's email
  --config FILE    where to save the login (default: $XDG_CONFIG_HOME/writ/cli.json or ~/.config/writ/cli.json)
  --label TEXT     a name for the token, shown in the web app's token list (default: writ CLI on <host>)
  --lang en|es     language (default: $WRIT_LANG, then $LANG)

The file is readable only by you (mode 0600). WRIT_URL and WRIT_TOKEN, set together, take its place.
\`writ logout\` revokes the token and deletes the file.
`;

/** The password: typed without echo on a terminal, else the first line of standard input. */
async function readPassword(io: Io, lang: Lang, email: string, url: string): Promise<string> {
  const typed = io.readSecret
    ? await io.readSecret(t(lang, 'cli:login.passwordPrompt', { email, url }))
    : (await io.readStdin()).split(/\r?\n/)[0];
  if (!typed) throw new UsageError(t(lang, 'cli:login.noPassword'));
  return typed;
}

/** The session cookie (`name=value`) from a login answer. */
function sessionCookie(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!.trim())
    .filter((c) => /writ_session=/.test(c))
    .join('; ');
}

const command: Command = {
  name: 'login',
  summary: 'Sign in to a running Writ server and save an API token for `writ case` (password from standard input)',
  help: HELP,
  async run(argv: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        url: { type: 'string' },
        email: { type: 'string' },
        config: { type: 'string' },
        label: { type: 'string' },
        lang: { type: 'string' },
      },
      false,
    );
    void positionals;
    const lang = pickLang(values.lang);
    if (!values.url) throw new UsageError(t(lang, 'cli:login.missingUrl'));
    const email = values.email?.trim();
    if (!email) throw new UsageError(t(lang, 'cli:login.missingEmail'));
    try {
      const url = normalizeServerUrl(values.url);
      if (url.startsWith('http:') && !isLoopback(url)) io.stderr(t(lang, 'cli:url.plainHttp', { url }) + '\n');
      const password = await readPassword(io, lang, email, url);
      const anonymous = new ApiClient({ url, lang });
      const signedIn = await anonymous.json<{ csrfToken: string }>('POST', '/api/auth/login', { json: { email, password } });
      const session = { cookie: sessionCookie(signedIn.headers), 'x-csrf-token': signedIn.body.csrfToken };
      const label = (values.label?.trim() || `writ CLI on ${hostname()}`).slice(0, 100);
      const issued = await anonymous.json<{ token: string; record: { id: string } }>('POST', '/api/auth/tokens', {
        json: { label },
        headers: session,
      });
      // The session was only needed to issue the token; end it (best effort: it expires on its own).
      await anonymous.request('POST', '/api/auth/logout', { headers: session }).catch(() => undefined);
      const path = loginFilePath(values.config);
      try {
        saveLogin(path, { url, token: issued.body.token, tokenId: issued.body.record.id });
      } catch (e) {
        await new ApiClient({ url, token: issued.body.token, lang })
          .request('DELETE', `/api/auth/tokens/${issued.body.record.id}`)
          .catch(() => undefined);
        throw new CliProblem({ code: 'cli:login.cannotSave', params: { path, reason: (e as NodeJS.ErrnoException).code ?? 'error' } }, 1);
      }
      io.stdout(t(lang, 'cli:login.done', { url, email, path }) + '\n');
      return 0;
    } catch (e) {
      return reportProblem(io, lang, e);
    }
  },
};

export default command;
