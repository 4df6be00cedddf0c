// npm run bench — runs every bench:* script of package.json and records its JSON in docs/benchmarks.md.
import { execSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const DOC = 'docs/benchmarks.md';
const only = process.argv.slice(2);
const scripts = Object.keys((JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts)
  .filter((name) => name.startsWith('bench:'))
  .filter((name) => only.length === 0 || only.includes(name));

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
let doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Benchmarks\n';

for (const name of scripts) {
  console.error(`→ ${name}`);
  let body: string;
  try {
    const out = execSync(`npm run --silent ${name}`, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 2 ** 20 });
    body = JSON.stringify(JSON.parse(out), null, 2);
  } catch (error) {
    body = JSON.stringify({ error: error instanceof Error ? error.message.split('\n')[0] : String(error) });
  }
  const section = `<!-- ${name}:start -->\n### \`npm run ${name}\` — ${new Date().toISOString().slice(0, 10)}, ${machine}\n\n\`\`\`json\n${body}\n\`\`\`\n<!-- ${name}:end -->`;
  const pattern = new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`);
  doc = pattern.test(doc) ? doc.replace(pattern, section) : `${doc.trimEnd()}\n\n${section}\n`;
  console.log(body);
}
writeFileSync(DOC, doc);
