import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from './zod.ts';

const ROOT = join(import.meta.dirname, '..');

describe('shared/zod.ts', () => {
  it("gives classic zod's English messages (zod/mini alone loads no locale)", () => {
    const issues = z.strictObject({ name: z.string().check(z.minLength(2)), count: z.number().check(z.int()) }).safeParse({ name: 'a', count: 1.5, x: 1 }).error?.issues;
    expect(issues?.map((issue) => issue.message)).toEqual(['Too small: expected string to have >=2 characters', 'Invalid input: expected int, received number', 'Unrecognized key: "x"']);
  });

  it("records a transform's issue as classic zod's ctx.addIssue does: the checks around it do not run", () => {
    const schema = z
      .strictObject({ a: z.pipe(z.string(), z.transform((value: string, ctx) => (z.transformIssue(ctx, { message: 'is not right' }), value))) })
      .check(z.refine(() => false, 'runs only on a clean object'));
    expect(schema.safeParse({ a: 'x' }).error?.issues).toEqual([{ code: 'custom', path: ['a'], message: 'is not right' }]);
  });

  it('is the only module that imports zod: one import of classic zod in a function brings all of it back (~90 KB)', () => {
    const importers: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(path);
        } else if (/\.(ts|tsx|mts)$/.test(entry.name) && /from ['"]zod(\/[^'"]*)?['"]/.test(readFileSync(path, 'utf8'))) {
          importers.push(relative(ROOT, path));
        }
      }
    };
    for (const dir of ['shared', 'functions', 'web/src', 'infra', 'test']) walk(join(ROOT, dir));
    expect(importers).toEqual(['shared/zod.ts']);
  });
});
