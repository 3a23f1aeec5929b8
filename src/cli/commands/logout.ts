/**
 * `writ logout`: revokes the saved API token on its server and deletes the login file that `writ login` wrote.
 */
import { parseCommandArgs, type Command, type Io } from '../command.ts';
import { t } from '../../i18n/i18n.ts';
import { ApiClient, CliProblem, deleteLogin, loadLogin, loginFilePath, loginFromEnv, reportProblem } from '../api-client.ts';
import { pickLang } from './lookup.ts';

const HELP = `Usage: writ logout [--config FILE] [--forget] [--lang en|es]

Revokes the API token that \`writ login\` saved and deletes the login file. When the server cannot be reached the
file is kept (so you can try again); --forget deletes it anyway, and you revoke the token in the web app.

Options:
  --config FILE    the login file (default: $XDG_CONFIG_HOME/writ/cli.json or ~/.config/writ/cli.json)
  --forget         delete the login file without revoking the token on the server
  --lang en|es     language (default: $WRIT_LANG, then $LANG)
`;

const command: Command = {
  name: 'logout',
  summary: 'Revoke the API token saved by `writ login` and delete the login file',
  help: HELP,
  async run(argv: string[], io: Io): Promise<number> {
    const { values } = parseCommandArgs(
      argv,
      { config: { type: 'string' }, forget: { type: 'boolean' }, lang: { type: 'string' } },
      false,
    );
    const lang = pickLang(values.lang);
    try {
      if (loginFromEnv()) throw new CliProblem({ code: 'cli:logout.fromEnv' }, 2);
      const path = loginFilePath(values.config);
      const login = loadLogin(values.config);
      if (values.forget || !login.tokenId) {
        deleteLogin(path);
        io.stdout(t(lang, 'cli:logout.forgotten', { path }) + '\n');
        return 0;
      }
      const client = new ApiClient({ url: login.url, token: login.token, lang });
      try {
        await client.request('DELETE', `/api/auth/tokens/${login.tokenId}`);
      } catch (e) {
        // A token the server no longer accepts (revoked, user disabled) or no longer knows is as good as revoked.
        const gone = e instanceof CliProblem && (e.problem.code === 'cli:api.unauthenticated' || e.problem.code === 'cli:api.notFound');
        if (!gone) throw e;
        deleteLogin(path);
        io.stdout(t(lang, 'cli:logout.alreadyInvalid', { url: login.url, path }) + '\n');
        return 0;
      }
      deleteLogin(path);
      io.stdout(t(lang, 'cli:logout.done', { url: login.url, path }) + '\n');
      return 0;
    } catch (e) {
      return reportProblem(io, lang, e);
    }
  },
};

export default command;
