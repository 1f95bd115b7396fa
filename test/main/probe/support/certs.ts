import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A key and certificate in PEM. */
export interface KeyPair {
  key: string;
  cert: string;
}

/** Every certificate the TLS tests need, generated fresh (nothing is committed). */
export interface TestCertificates {
  /** The test CA the good certificates chain to; tests pass it as an extra trusted CA. */
  ca: string;
  /** For 127.0.0.1 / localhost, signed by the test CA, valid now. */
  good: KeyPair;
  /** Signed by the test CA, but expired in 2021. */
  expired: KeyPair;
  /** Signed by the test CA, valid, but only for a few more days. */
  expiringSoon: KeyPair;
  /** Signed by the test CA, valid, for another host name. */
  wrongHost: KeyPair;
  /** Signed by itself. */
  selfSigned: KeyPair;
  /** Signed by a second CA that nobody trusts. */
  untrusted: KeyPair;
  /** Removes the temporary folder. */
  dispose(): Promise<void>;
}

const CA_CONFIG = `[ca]
default_ca = probe_ca
[probe_ca]
database = index.txt
serial = serial
new_certs_dir = .
default_md = sha256
policy = anything
copy_extensions = none
unique_subject = no
[anything]
commonName = supplied
[loopback]
subjectAltName = IP:127.0.0.1,DNS:localhost
[elsewhere]
subjectAltName = DNS:scim.wrong-host.example
`;

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/** `days` from now in openssl's YYYYMMDDHHMMSSZ form. */
function opensslDate(days: number): string {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

async function openssl(dir: string, args: string[]): Promise<void> {
  await run('openssl', args, { cwd: dir });
}

async function makeCa(dir: string, name: string): Promise<void> {
  await mkdir(join(dir, name));
  await writeFile(join(dir, name, 'ca.cnf'), CA_CONFIG);
  await writeFile(join(dir, name, 'index.txt'), '');
  await writeFile(join(dir, name, 'serial'), '01\n');
  await openssl(join(dir, name), [
    'req',
    '-x509',
    ...EC,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '60',
    '-subj',
    `/CN=${name}`,
  ]);
}

async function issue(
  dir: string,
  caName: string,
  name: string,
  extension: 'loopback' | 'elsewhere',
  dates: [string, string] | null,
): Promise<KeyPair> {
  const cwd = join(dir, caName);
  await openssl(cwd, [
    'req',
    ...EC,
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
    '-subj',
    `/CN=${name}`,
  ]);
  const validity = dates ? ['-startdate', dates[0], '-enddate', dates[1]] : ['-days', '30'];
  await openssl(cwd, [
    'ca',
    '-batch',
    '-notext',
    '-config',
    'ca.cnf',
    '-cert',
    'ca.pem',
    '-keyfile',
    'ca.key',
    '-in',
    `${name}.csr`,
    '-out',
    `${name}.pem`,
    '-extensions',
    extension,
    ...validity,
  ]);
  return {
    key: await readFile(join(cwd, `${name}.key`), 'utf8'),
    cert: await readFile(join(cwd, `${name}.pem`), 'utf8'),
  };
}

async function selfSigned(dir: string): Promise<KeyPair> {
  await openssl(dir, [
    'req',
    '-x509',
    ...EC,
    '-keyout',
    'self.key',
    '-out',
    'self.pem',
    '-days',
    '30',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ]);
  return {
    key: await readFile(join(dir, 'self.key'), 'utf8'),
    cert: await readFile(join(dir, 'self.pem'), 'utf8'),
  };
}

/** Generates the test certificates with the openssl command-line tool, in a temporary folder. */
export async function generateTestCertificates(): Promise<TestCertificates> {
  const dir = await mkdtemp(join(tmpdir(), 'probe-certs-'));
  await Promise.all([makeCa(dir, 'scim-test-ca'), makeCa(dir, 'nobody-trusts-this-ca')]);
  // `openssl ca` rewrites its CA's serial and index files, so one CA signs one request at a
  // time; the two CAs and the self-signed certificate still run side by side.
  const fromTestCa = async () => [
    await issue(dir, 'scim-test-ca', 'good', 'loopback', null),
    await issue(dir, 'scim-test-ca', 'expired', 'loopback', ['20200101000000Z', '20210101000000Z']),
    await issue(dir, 'scim-test-ca', 'expiring', 'loopback', [opensslDate(-1), opensslDate(3)]),
    await issue(dir, 'scim-test-ca', 'wrong-host', 'elsewhere', null),
  ];
  const [[good, expired, expiringSoon, wrongHost], self, untrusted] = await Promise.all([
    fromTestCa(),
    selfSigned(dir),
    issue(dir, 'nobody-trusts-this-ca', 'untrusted', 'loopback', null),
  ]);
  if (!good || !expired || !expiringSoon || !wrongHost) throw new Error('a certificate is missing');
  return {
    ca: await readFile(join(dir, 'scim-test-ca', 'ca.pem'), 'utf8'),
    good,
    expired,
    expiringSoon,
    wrongHost,
    selfSigned: self,
    untrusted,
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
