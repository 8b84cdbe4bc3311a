/**
 * `npm run check:cycles` (part of `npm test`): fails when the modules under src/ import each other in a
 * circle. Only imports that exist at run time count (`import type` and `export type` are erased), and
 * only relative ones (packages cannot import our modules back). Tarjan's strongly connected components.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', 'src');
const EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return EXTENSIONS.some((ext) => name.endsWith(ext)) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Relative specifiers a module imports at run time. */
export function runtimeImports(source: string): string[] {
  const specifiers: string[] = [];
  // Strip comments so commented-out imports do not count.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  const pattern =
    /(?:^|;|\n)\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of code.matchAll(pattern)) {
    const specifier = match[4] ?? match[5] ?? match[6];
    if (!specifier || !specifier.startsWith('.')) continue;
    if (match[2]) continue; // import type / export type
    // `import { type A, type B } from` is erased too.
    const names = match[3];
    if (names && /^\{[^}]*\}$/.test(names.trim())) {
      const items = names
        .trim()
        .slice(1, -1)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (items.length > 0 && items.every((item) => item.startsWith('type '))) continue;
    }
    specifiers.push(specifier.replace(/\?raw$/, ''));
  }
  return specifiers;
}

function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [
    base,
    ...EXTENSIONS.map((ext) => base + ext),
    ...EXTENSIONS.map((ext) => join(base, 'index' + ext)),
  ])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.reverse());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(ROOT)) {
    const targets = runtimeImports(readFileSync(file, 'utf8'))
      .map((specifier) => resolveImport(file, specifier))
      .filter((target): target is string => target !== null && !/\.(wgsl|css)$/.test(target));
    graph.set(file, targets);
  }
  const cycles = findCycles(graph);
  if (cycles.length > 0) {
    for (const cycle of cycles)
      console.error(`import cycle: ${cycle.map((f) => relative(ROOT, f)).join(' → ')}`);
    process.exit(1);
  }
  console.log(`no import cycles among ${graph.size} modules under src/`);
}
