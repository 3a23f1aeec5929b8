/** `writ login` input checks that need no server (the full sign-in is tested against a real server in case.test.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../main.ts';
import { captureIo } from '../test-io.ts';

const URL_ = 'http://127.0.0.1:9';

test('the password is never an argument: --password is an unknown option (exit 2)', async () => {
  const io = captureIo();
  assert.equal(await main(['login', '--url', URL_, '--email', 'a@b.example', '--password', 'x'], io), 2);
  assert.match(io.err, /Unknown option '--password'/);
});

test('missing --url, --email or password: exit 2 with what to give', async () => {
  const cases: [string[], string, RegExp][] = [
    [['login', '--email', 'a@b.example'], 'pw\n', /Give the server with --url/],
    [['login', '--url', URL_], 'pw\n', /Give your email with --email/],
    [['login', '--url', URL_, '--email', 'a@b.example'], '', /No password given.*never as an argument/],
    [['login', '--url', 'ftp://x', '--email', 'a@b.example'], 'pw\n', /"ftp:\/\/x" is not a server address/],
  ];
  for (const [argv, stdin, expected] of cases) {
    const io = captureIo(stdin);
    assert.equal(await main([...argv, '--lang', 'en'], io), 2, argv.join(' '));
    assert.match(io.err, expected);
  }
});

test('a terminal is asked without echo through Io.readSecret, with the prompt in the chosen language', async () => {
  const io = captureIo();
  let prompt = '';
  io.readSecret = async (p) => {
    prompt = p;
    return null; // Ctrl+C
  };
  assert.equal(await main(['login', '--url', URL_, '--email', 'a@b.example', '--lang', 'es'], io), 2);
  assert.equal(prompt, 'Contraseña de a@b.example en http://127.0.0.1:9: ');
  assert.match(io.err, /No se dio ninguna contraseña/);
});

test('plain HTTP to another computer is warned about before the password is read', async () => {
  const io = captureIo('');
  assert.equal(await main(['login', '--url', 'http://10.255.255.1:8080', '--email', 'a@b.example', '--lang', 'en'], io), 2);
  assert.match(io.err, /plain HTTP on another computer/);
});

test('--help for login, logout and every case subcommand', async () => {
  for (const argv of [['login'], ['logout'], ['case', 'list'], ['case', 'show'], ['case', 'deadlines'], ['case', 'ics']]) {
    const io = captureIo();
    assert.equal(await main([...argv, '--help'], io), 0, argv.join(' '));
    assert.match(io.out, new RegExp(`^Usage: writ ${argv.join(' ')}`));
  }
});
