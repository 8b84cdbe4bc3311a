/** What can be exported: the surface card and each panel on screen, found by their test ids. */
export interface ExportTarget {
  readonly id: string;
  readonly label: string;
  readonly element: HTMLElement;
}

const NAMES: Record<string, string> = {
  'surface-card': 'Surface',
  'panel-inside': 'Inside the step',
  'panel-loss': 'Loss',
  'panel-effectiveLr': 'Effective learning rate',
  'panel-convergence': 'Convergence',
  'panel-surface3d': '3-D surface',
};

export function findExportTargets(root: ParentNode = document): ExportTarget[] {
  return Array.from(
    root.querySelectorAll<HTMLElement>('[data-testid="surface-card"], section[data-testid^="panel-"]'),
  ).map((element) => {
    const id = element.dataset.testid ?? 'panel';
    return { id: id.replace(/^panel-/, ''), label: NAMES[id] ?? id, element };
  });
}

/** The surface plot itself (without the card's legend and buttons): what an animation records. */
export function surfaceSvg(root: ParentNode = document): SVGSVGElement | null {
  return root.querySelector<SVGSVGElement>('svg[data-testid="surface-plot"]');
}

/** The biggest top-level SVG of a panel: its chart (buttons' icons are SVGs too). */
export function largestSvg(element: Element): SVGSVGElement | null {
  const svgs = Array.from(element.querySelectorAll<SVGSVGElement>('svg')).filter(
    (svg) => !svg.parentElement?.closest('svg'),
  );
  const area = (svg: SVGSVGElement) => svg.getBoundingClientRect().width * svg.getBoundingClientRect().height;
  return svgs.sort((a, b) => area(b) - area(a))[0] ?? null;
}

/**
 * What an image of a panel shows: its plot. A panel drawn on a canvas (with SVG axes over it) is exported
 * whole, layer by layer; otherwise its main SVG alone, without the card's buttons and HTML labels.
 */
export function imageElement(target: ExportTarget): Element {
  if (target.element.querySelector('canvas')) return target.element;
  const svg = target.id === 'surface-card' ? surfaceSvg(target.element) : largestSvg(target.element);
  return svg && coverage(svg, target.element) > 0.3 ? svg : target.element;
}

/** A panel whose drawing is mostly HTML (text and formulas) is exported whole, through a <foreignObject>. */
export function isHtmlPanel(target: ExportTarget): boolean {
  const element = imageElement(target);
  return element === target.element && !target.element.querySelector('canvas');
}

function coverage(inner: Element, outer: Element): number {
  const a = inner.getBoundingClientRect();
  const b = outer.getBoundingClientRect();
  return (a.width * a.height) / Math.max(1, b.width * b.height);
}
