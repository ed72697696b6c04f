// Release packages from the build in dist/ and dist-firefox/ (npm run package builds first):
//   artifacts/replyline-<version>-chrome.zip   for the Chrome Web Store
//   artifacts/replyline-<version>-firefox.zip  for addons.mozilla.org (web-ext build)
//   artifacts/replyline-<version>-source.zip   the source AMO asks for with minified code (git archive of HEAD)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const out = resolve(root, 'artifacts');

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

// The zips must hold the version package.json names: a stale build is refused, not shipped.
for (const dir of ['dist', 'dist-firefox']) {
  const file = resolve(root, dir, 'manifest.json');
  if (!existsSync(file)) fail(`${dir}/ is missing: run npm run build first.`);
  const built = JSON.parse(readFileSync(file, 'utf8')).version;
  if (built !== version) fail(`${dir}/ was built as ${built}, package.json says ${version}: run npm run build.`);
}

mkdirSync(out, { recursive: true });
const webExt = resolve(root, 'node_modules', '.bin', 'web-ext');
const zips = [
  ['dist', `replyline-${version}-chrome.zip`],
  ['dist-firefox', `replyline-${version}-firefox.zip`],
];
for (const [dir, name] of zips) {
  execFileSync(webExt, ['build', '--source-dir', resolve(root, dir), '--artifacts-dir', out, '--filename', name,
    '--overwrite-dest', '--no-input'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
const source = `replyline-${version}-source.zip`;
if (execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim()) {
  console.warn('package: the working tree has uncommitted changes; the source zip holds the last commit.');
}
execFileSync('git', ['archive', '--format=zip', `--prefix=replyline-${version}/`, '-o', resolve(out, source), 'HEAD'],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

for (const name of [...zips.map(([, n]) => n), source]) {
  console.log(`artifacts/${name}  ${(statSync(resolve(out, name)).size / 1024).toFixed(1)} kB`);
}
