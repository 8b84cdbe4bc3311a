/**
 * npm run trace -- scene.json [--format json|csv]
 * Prints every optimizer's trajectory for a scene: {"runs":[{"type":"Adam","path":[[w1,w2],...],"loss":[...]}]}.
 * Reads the scene from standard input when the file is "-".
 */
import { readFileSync } from 'node:fs';
import { SceneError, simulate, simulationToCsv, simulationToJson } from '../core';

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run trace -- scene.json [--format json|csv]\n`);
  process.exit(2);
}

function main(argv: string[]): void {
  const formatIndex = argv.indexOf('--format');
  const format = formatIndex >= 0 ? argv[formatIndex + 1] : 'json';
  if (format !== 'json' && format !== 'csv') usage(`unknown format '${format ?? ''}'`);
  const file = argv.find((arg, i) => !arg.startsWith('--') && (formatIndex < 0 || i !== formatIndex + 1));
  if (!file) usage('missing scene file');
  let scene: unknown;
  try {
    scene = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8'));
  } catch (error) {
    usage(`cannot read scene ${file}: ${(error as Error).message}`);
  }
  try {
    const simulation = simulate(scene);
    process.stdout.write(
      format === 'csv' ? simulationToCsv(simulation) : JSON.stringify(simulationToJson(simulation)) + '\n',
    );
  } catch (error) {
    if (error instanceof SceneError) usage(error.message);
    throw error;
  }
}

main(process.argv.slice(2));
