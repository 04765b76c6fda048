import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = (args: string[]) =>
  run('node', ['scripts/import.mjs', ...args], { cwd: root }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );

describe('npm run import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parsec-import-'));

  it('prints each error at its cell with the offered fix and exits 1', async () => {
    const file = join(dir, 'budget.csv');
    writeFileSync(
      file,
      'id,programme,label,amount,currency,sources\nx,p,X,"12,5 M€",EUR,https://example.org\n',
    );
    const r = await cli([file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'budget.csv row 2, column "amount": expected a number ≥ 0, got "12,5 M€" — offered fix: "12500000"',
    );
  }, 30_000);

  it('writes a valid dataset from an IATI file, listing what it did not map', async () => {
    const out = join(dir, 'dataset.json');
    const r = await cli(['test/fixtures/iati/eutf-mopti-activity.xml', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('eutf-mopti-activity.xml line 74: warning: not mapped: iati-activity/sector');
    expect(r.stderr).toMatch(/valid — 3 sources, 1 programmes, 3 budget lines, 1 timeline items, 2 places/);
    const d = JSON.parse(readFileSync(out, 'utf8')) as { budget: unknown[]; meta: { asOf: string } };
    expect(d.budget).toHaveLength(3);
    expect(d.meta.asOf).toBe('2021-03-15'); // the activity's last-updated date, not today
  }, 30_000);

  it('reads a table as the section given with --section, and writes to standard output', async () => {
    const file = join(dir, 'my-lines.tsv');
    writeFileSync(
      file,
      'id\tprogramme\tlibellé\tmontant\tdevise\tsources\nx\tp\tX\t5\tEUR\thttps://example.org\n',
    );
    const r = await cli([file, '--section', 'budget', '--as-of', '2024-01-31']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      meta: { asOf: '2024-01-31' },
      budget: [{ id: 'x', label: { fr: 'X' } }],
    });
  }, 30_000);
});
